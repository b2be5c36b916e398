import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `meter_point_status`, the status reference data (see the migration). */
@Entity({ name: 'meter_point_status' })
export class MeterPointStatusEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'display_order', type: 'smallint' })
  displayOrder: number;
}
