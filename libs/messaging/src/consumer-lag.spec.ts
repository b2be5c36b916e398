import { topicLag } from './consumer-lag';

describe('topicLag', () => {
  it('sums, over the partitions, the messages from the committed offset up to the high watermark', () => {
    expect(
      topicLag(
        'cms.contacts.v1',
        [
          { partition: 0, low: '0', high: '10' },
          { partition: 1, low: '0', high: '7' },
          { partition: 2, low: '0', high: '3' },
        ],
        [
          { partition: 0, offset: '4' },
          { partition: 1, offset: '7' },
          { partition: 2, offset: '3' },
        ],
      ),
    ).toEqual({ topic: 'cms.contacts.v1', lag: 6 });
  });

  it('counts every message still held on a partition where the group has committed nothing (it reads from the start)', () => {
    expect(
      topicLag(
        't',
        [
          { partition: 0, low: '5', high: '12' },
          { partition: 1, low: '0', high: '2' },
        ],
        [{ partition: 0, offset: '-1' }],
      ),
    ).toEqual({ topic: 't', lag: 9 });
  });

  it('counts from the low watermark when retention deleted messages the group had not reached', () => {
    expect(topicLag('t', [{ partition: 0, low: '100', high: '130' }], [{ partition: 0, offset: '40' }])).toEqual({ topic: 't', lag: 30 });
  });

  it('is 0 on an empty topic, and never negative', () => {
    expect(topicLag('t', [{ partition: 0, low: '0', high: '0' }], [])).toEqual({ topic: 't', lag: 0 });
    expect(topicLag('t', [{ partition: 0, low: '0', high: '5' }], [{ partition: 0, offset: '6' }])).toEqual({ topic: 't', lag: 0 });
  });
});
