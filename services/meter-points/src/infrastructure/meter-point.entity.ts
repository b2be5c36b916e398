import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeterPointStatusEntity } from './meter-point-status.entity';

/** A row of `meter_point`, the register (see the migration). Absent address fields are NULL. */
@Entity({ name: 'meter_point' })
export class MeterPointEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  mprn: string;

  @Column({ name: 'status', type: 'varchar', length: 2 })
  statusCode: string;

  @ManyToOne(() => MeterPointStatusEntity, { nullable: false })
  @JoinColumn({ name: 'status', referencedColumnName: 'code' })
  status?: MeterPointStatusEntity;

  @Column({ type: 'boolean' })
  isolated: boolean;

  @Column({ name: 'transporter_organisation_id', type: 'uuid' })
  transporterOrganisationId: string;

  @Column({ name: 'registered_shipper_organisation_id', type: 'uuid', nullable: true })
  registeredShipperOrganisationId: string | null;

  @Column({ type: 'char', length: 2 })
  ldz: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  organisation: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  department: string | null;

  @Column({ name: 'sub_building_name', type: 'varchar', length: 30, nullable: true })
  subBuildingName: string | null;

  @Column({ name: 'building_name', type: 'varchar', length: 50, nullable: true })
  buildingName: string | null;

  @Column({ name: 'building_number', type: 'varchar', length: 4, nullable: true })
  buildingNumber: string | null;

  @Column({ name: 'po_box', type: 'varchar', length: 6, nullable: true })
  poBox: string | null;

  @Column({ name: 'dependent_thoroughfare', type: 'varchar', length: 40, nullable: true })
  dependentThoroughfare: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  thoroughfare: string | null;

  @Column({ name: 'double_dependent_locality', type: 'varchar', length: 35, nullable: true })
  doubleDependentLocality: string | null;

  @Column({ name: 'dependent_locality', type: 'varchar', length: 35, nullable: true })
  dependentLocality: string | null;

  @Column({ name: 'post_town', type: 'varchar', length: 40 })
  postTown: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  county: string | null;

  @Column({ type: 'varchar', length: 8 })
  postcode: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  udprn: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  uprn: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
