import { retryOnDeadlock } from './deadlock-retry';

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retryOnDeadlock', () => {
  it('reruns after a deadlock and returns the result', async () => {
    const run = jest.fn().mockRejectedValueOnce(deadlock).mockResolvedValueOnce('done');
    await expect(retryOnDeadlock(run)).resolves.toBe('done');
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last attempt', async () => {
    const run = jest.fn().mockRejectedValue(deadlock);
    await expect(retryOnDeadlock(run, 3)).rejects.toBe(deadlock);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('does not retry other errors', async () => {
    const other = Object.assign(new Error('check violation'), { code: '23514' });
    const run = jest.fn().mockRejectedValue(other);
    await expect(retryOnDeadlock(run)).rejects.toBe(other);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
