import type { DataSource } from 'typeorm';
import { formatCrn } from '@cms/gas-market';
import { CRN_BLOCK_SIZE, CrnAllocator } from './crn-allocator';

/** A stand-in for the sequence: INCREMENT BY CRN_BLOCK_SIZE, as the migration sets it. */
function sequenceFrom(start: number) {
  let next = start;
  const query = jest.fn(async () => {
    await new Promise((resolve) => setImmediate(resolve)); // a round trip: callers overlap
    const value = next;
    next += CRN_BLOCK_SIZE;
    return [{ first: String(value) }];
  });
  return { dataSource: { query } as unknown as DataSource, query };
}

describe('CrnAllocator', () => {
  it('hands out a whole block from one call of the sequence, then reserves the next', async () => {
    const { dataSource, query } = sequenceFrom(1);
    const allocator = new CrnAllocator(dataSource);

    const crns: string[] = [];
    for (let index = 0; index < CRN_BLOCK_SIZE + 1; index += 1) crns.push(await allocator.next());

    expect(crns[0]).toBe('C000000001');
    expect(crns[CRN_BLOCK_SIZE - 1]).toBe(formatCrn(CRN_BLOCK_SIZE));
    expect(crns[CRN_BLOCK_SIZE]).toBe(formatCrn(CRN_BLOCK_SIZE + 1));
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('gives concurrent callers distinct CRNs and reserves one block for all of them', async () => {
    const { dataSource, query } = sequenceFrom(101);
    const allocator = new CrnAllocator(dataSource);

    const crns = await Promise.all(Array.from({ length: 30 }, () => allocator.next()));

    expect(new Set(crns).size).toBe(30);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('two replicas never hand out the same CRN', async () => {
    const { dataSource } = sequenceFrom(1);
    const [first, second] = [new CrnAllocator(dataSource), new CrnAllocator(dataSource)];

    const crns = await Promise.all(Array.from({ length: 3 * CRN_BLOCK_SIZE }, (_, index) => (index % 2 ? first : second).next()));

    expect(new Set(crns).size).toBe(crns.length);
  });

  it('tries again after the sequence could not be reached', async () => {
    const { dataSource, query } = sequenceFrom(1);
    query.mockRejectedValueOnce(new Error('connection lost'));
    const allocator = new CrnAllocator(dataSource);

    await expect(allocator.next()).rejects.toThrow('connection lost');
    await expect(allocator.next()).resolves.toBe('C000000001');
  });
});
