// Type-checked (never run) by `make test-types`: the npm package's .d.ts gives real, named
// types for every request and answer, and rejects the mistakes it should.
import init, {
  compare,
  presets,
  quote,
  runCsv,
  runJson,
  runJsonWithProgress,
  simulateWithProgress,
  sweepWithProgress,
  type CompareRequest,
  type CompareResponse,
  type GiftsimError,
  type Money,
  type PresetsResponse,
  type QuoteRequest,
  type QuoteResponse,
  type RateCardInput,
  type RunProgress,
  type SimulateResponse,
  type SweepResponse,
} from '../../target/npm/giftsim/index.js';

export async function usage(): Promise<Money> {
  await init();
  const request: QuoteRequest = { rate_card: 'tiktok-ios', gifts: [{ gift: 'lion', count: 1 }] };
  const answer: QuoteResponse = quote(request);
  const paid: Money = answer.purchase.viewer_pays;
  const coins: number = answer.coins_needed;
  const firstFlow: string = answer.flow[0].to;

  const all: PresetsResponse = presets();
  const card: RateCardInput = all.rate_cards[0];
  quote({ rate_card: { ...card, store_fee_rate: '0.15' }, coins: 5000 });

  const byPlatform: CompareResponse = compare({ spend: '100.00' } satisfies CompareRequest);
  const keeps: Money = byPlatform.rows[0].creator_keeps;

  const text: string = runJson('quote', JSON.stringify(request));

  try {
    quote({ rate_card: 'tiktok-web', spend: '1' });
  } catch (e) {
    const err = e as GiftsimError;
    const where: string = err.path;
    if (err.code === 'unknown_gift' && err instanceof Error) return `${where}${err.message}`;
  }

  // @ts-expect-error money is a decimal string, never a number
  quote({ rate_card: 'tiktok-web', spend: 100 });
  // @ts-expect-error a rate card is required
  quote({ coins: 5 });
  // @ts-expect-error unknown fields are rejected, as by the engine
  compare({ spend: '1', budget: '2' });
  // @ts-expect-error answers are typed: there is no such field
  answer.purchase.total;

  return `${paid}${coins}${firstFlow}${keeps}${text}`;
}

// The long operations with a progress callback (the pricing lab's worker uses them).
export function progressUsage(text: string): string {
  let last: RunProgress | null = null;
  const answer: SimulateResponse = simulateWithProgress(JSON.parse(text), (p) => {
    last = p;
  });
  const swept: SweepResponse = sweepWithProgress({ base: JSON.parse(text), grid: [{ parameter: 'elasticity', values: ['0'] }] }, (p) => p.done < p.total);
  const csv: string = runCsv('simulate', text);
  const json: string = runJsonWithProgress('simulate', text, ({ done, total }) => done <= total);
  // @ts-expect-error progress counts are numbers, not strings
  runJsonWithProgress('simulate', text, (p: { done: string }) => p.done);
  return `${answer.scenario.seed}${swept.rows.length}${csv}${json}${last}`;
}
