/**
 * What keyv's default serialisation would cost on a cached listing: it wraps every value in
 * `{"value":…,"expires":…}` (JSON-escaping a body that is already JSON) and parses it back on
 * every read. The listing cache stores the string as is instead (see src/common/cache).
 */
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';

export function envelopeCost(body: string, rounds = 2_000) {
  const stored = defaultSerialize({ value: body, expires: Date.now() + 30_000 });
  const time = (fn: () => unknown): number => {
    for (let i = 0; i < 200; i++) fn();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) fn();
    return Number(process.hrtime.bigint() - t0) / 1_000 / rounds;
  };
  return {
    envelopeUs: time(() => defaultDeserialize<{ value: string }>(stored)),
    serialiseUs: time(() => defaultSerialize({ value: body, expires: 0 })),
    bytesAdded: stored.length - body.length,
  };
}
