// Type-checked (never run) by `make test-types`: the npm package's .d.ts gives real, named
// types for every request and answer, and rejects the mistakes it should.
import init, {
  compare,
  presets,
  quote,
  runJson,
  type CompareRequest,
  type CompareResponse,
  type GiftsimError,
  type Money,
  type PresetsResponse,
  type QuoteRequest,
  type QuoteResponse,
  type RateCardInput,
} from '../../pkg/giftsim.js';

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
