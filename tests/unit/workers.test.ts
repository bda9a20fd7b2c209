import { readConnectionsPerWorker } from '../../scripts/lib/workers';

describe('readConnectionsPerWorker', () => {
  it('shares the cores among the workers, one connection at least', () => {
    expect(readConnectionsPerWorker(2, { env: {}, cores: 2 })).toBe('1');
    expect(readConnectionsPerWorker(4, { env: {}, cores: 8 })).toBe('2');
    expect(readConnectionsPerWorker(3, { env: {}, cores: 2 })).toBe('1');
  });

  it('leaves a number the operator set alone', () => {
    expect(readConnectionsPerWorker(2, { env: { GOV_DISCLOSURE_PUBLIC_READ_CONNECTIONS: '6' }, cores: 2 })).toBe('6');
  });
});
