// The types of giftsim's WASM API, generated from docs/schema/*.json by
// scripts/wasm-types.mjs. Do not edit: run `make types`.
//
// Money is a decimal string ("12.99"); counts of coins and diamonds are numbers.

/**
 * A rate card given as a preset id such as "tiktok-web" (see `presets`) or as a full rate card object
 *
 * This interface was referenced by `GiftsimSchemas`'s JSON-Schema
 * via the `definition` "PresetOr_RateCardInput".
 */
export type PresetOr_RateCardInput = string | RateCardInput;
/**
 * Where coins are bought. Prices differ by channel because app stores take a fee.
 */
export type Channel = "web" | "ios" | "android" | "desktop" | "mobile" | "other";
/**
 * How tax relates to the listed price.
 */
export type TaxMode = "none" | "inclusive" | "on_top";
/**
 * How the creator's earnings are computed.
 */
export type CreatorModel = "per_diamond" | "share_of_net";
/**
 * Who pays the agency.
 */
export type AgencyPayer = "platform" | "creator";
/**
 * A gift catalogue given as a preset id such as "tiktok" (see `presets`) or as a list of gifts ({id, name, coins})
 *
 * This interface was referenced by `GiftsimSchemas`'s JSON-Schema
 * via the `definition` "PresetOr_Array_of_GiftInput".
 */
export type PresetOr_ArrayOf_GiftInput = string | GiftInput[];
/**
 * How much a source can be trusted, as graded in `research/economy-facts.md`.
 */
export type Confidence = "H" | "M" | "L";
/**
 * ISO 4217 currency code
 */
export type Currency =
  | "AED"
  | "ARS"
  | "AUD"
  | "BHD"
  | "BRL"
  | "CAD"
  | "CHF"
  | "CLP"
  | "CNY"
  | "COP"
  | "CZK"
  | "DKK"
  | "EGP"
  | "EUR"
  | "GBP"
  | "HKD"
  | "HUF"
  | "IDR"
  | "ILS"
  | "INR"
  | "ISK"
  | "JOD"
  | "JPY"
  | "KRW"
  | "KWD"
  | "MXN"
  | "MYR"
  | "NGN"
  | "NOK"
  | "NZD"
  | "OMR"
  | "PHP"
  | "PKR"
  | "PLN"
  | "RON"
  | "SAR"
  | "SEK"
  | "SGD"
  | "THB"
  | "TRY"
  | "TWD"
  | "UAH"
  | "USD"
  | "VND"
  | "ZAR";
/**
 * An amount as a decimal string with the currency's minor-unit digits, e.g. "12.99"
 */
export type Money = string;
/**
 * What a rule set is, legally, from a date on.
 */
export type Status =
  | "in_force"
  | "not_yet_applicable"
  | "enjoined"
  | "draft"
  | "withdrawn"
  | "guidance"
  | "self_regulation"
  | "platform_policy";
/**
 * What a rule applies to.
 */
export type Action = "buy" | "gift";
/**
 * The span a cap counts over.
 */
export type WindowKind =
  | "transaction"
  | "calendar_day"
  | "calendar_week"
  | "calendar_month"
  | "rolling_24h"
  | "rolling_7d"
  | "rolling_30d";
/**
 * Whether breaking a rule blocks the event or only warns.
 */
export type Enforcement = "hard" | "soft";
/**
 * A rule set given as a preset id such as "cn-games-2019" (see `presets`) or as a full rule set object
 *
 * This interface was referenced by `GiftsimSchemas`'s JSON-Schema
 * via the `definition` "PresetOr_RuleSetInput".
 */
export type PresetOr_RuleSetInput = string | RuleSetInput;
/**
 * How a segment's monthly budget is distributed.
 */
export type BudgetDistribution = "fixed" | "uniform" | "lognormal" | "pareto";
/**
 * The distribution of an uncertain parameter.
 */
export type Distribution = "normal" | "uniform";
/**
 * Who receives a part of the viewer's money.
 */
export type Recipient =
  "tax" | "store_fee" | "payment_fee" | "creator" | "agency" | "platform" | "unspent_coins";
/**
 * A stable, machine-readable error code. Codes never change meaning once shipped.
 */
export type ErrorCode =
  | "invalid_json"
  | "missing_field"
  | "unknown_field"
  | "invalid_type"
  | "invalid_value"
  | "invalid_decimal"
  | "out_of_range"
  | "unknown_preset"
  | "unknown_gift"
  | "unknown_currency"
  | "unknown_region"
  | "currency_mismatch"
  | "conflicting_fields"
  | "duplicate"
  | "overflow"
  | "too_large"
  | "no_solution"
  | "io"
  | "cancelled"
  | "time_zone_not_loaded";
/**
 * This interface was referenced by `GiftsimSchemas`'s JSON-Schema
 * via the `definition` "Scalar".
 */
export type Scalar = string | number;
/**
 * How often an event repeats.
 */
export type Every = "day" | "week" | "month";
/**
 * Where an event's money comes from.
 */
export type Basis = "invoice" | "export" | "estimate";
/**
 * Which way the objective should go.
 */
export type Goal = "maximize" | "minimize";
/**
 * How an event fares.
 */
export type Level = "ok" | "warn" | "block";
/**
 * Why, as a stable code.
 */
export type MessageCode =
  | "age_allowed"
  | "age_below_minimum"
  | "guardian_approval_required"
  | "guardian_approved"
  | "cooldown"
  | "cooldown_passed"
  | "within_cap"
  | "transaction_cap_exceeded"
  | "window_cap_exceeded"
  | "soft_cap_exceeded"
  | "threshold_reached"
  | "not_enough_coins"
  | "no_rules_apply";
/**
 * The question as echoed in the answer.
 */
export type QuestionOut =
  | {
      coins: number;
    }
  | {
      gifts: GiftWanted[];
    }
  | {
      spend: Money;
    }
  | {
      creator_cash: Money;
    };
/**
 * What a purchase line buys.
 */
export type PurchaseKind = "bundle" | "custom";

/**
 * A rate card as JSON can write it. Every decimal is a string.
 */
export interface RateCardInput {
  /**
   * Lower-kebab-case id (`tiktok-ios`).
   */
  id: string;
  /**
   * Human name.
   */
  name: string;
  /**
   * Platform id (`tiktok`); channels of one platform are compared with each other.
   */
  platform: string;
  /**
   * Where coins are bought.
   */
  channel: Channel;
  /**
   * ISO 4217 code of every amount on the card.
   */
  currency: string;
  /**
   * Revision of the card's figures.
   */
  version?: number;
  /**
   * Date the figures hold for.
   */
  as_of?: string | null;
  /**
   * What the platform calls its coins (`Coins`, `Bits`, `Robux`).
   */
  coin_name?: string | null;
  /**
   * What the platform calls the creator's unit (`Diamonds`).
   */
  diamond_name?: string | null;
  /**
   * Coin bundles on sale.
   */
  bundles?: BundleInput[];
  /**
   * Rule for buying any number of coins, if the channel offers one.
   */
  custom_amount?: CustomAmountInput | null;
  /**
   * Tax handling.
   */
  tax?: TaxInput;
  /**
   * App-store commission on the price before tax (`"0.30"`).
   */
  store_fee_rate?: string;
  /**
   * Card processing fee, paid by the platform.
   */
  payment_fee?: FeeInput;
  /**
   * How the creator is paid.
   */
  creator: CreatorInput;
  /**
   * The agency's cut.
   */
  agency?: AgencyInput;
  /**
   * Withdrawal terms.
   */
  payout?: PayoutInput;
  /**
   * A shipped catalogue id (`"tiktok"`) or a list of gifts.
   */
  gifts?: PresetOr_ArrayOf_GiftInput | null;
  /**
   * Where each figure comes from.
   */
  sources?: Provenance[];
  /**
   * Anything a reader should know about the card.
   */
  notes?: string | null;
}
/**
 * A bundle as written: coins, bonus coins, price.
 */
export interface BundleInput {
  /**
   * Coins the bundle is sold as.
   */
  coins: number;
  /**
   * Extra coins given with it.
   */
  bonus_coins?: number;
  /**
   * Listed price, a decimal string.
   */
  price: string;
  /**
   * At most this many of the bundle in one purchase answer (1 to 8): a first-purchase or
   * limited offer. Absent: as many as wanted.
   */
  max_purchases?: number | null;
}
/**
 * A custom-amount rule as written.
 */
export interface CustomAmountInput {
  /**
   * Price of one coin, a decimal string (may be finer than a cent).
   */
  price_per_coin: string;
  /**
   * Coins are bought in multiples of this step (default 1).
   */
  step_coins?: number;
  /**
   * Fewest coins one custom purchase may give.
   */
  min_coins: number;
  /**
   * Most coins one custom purchase may give.
   */
  max_coins: number;
}
/**
 * Tax as written.
 */
export interface TaxInput {
  /**
   * Inclusive, on top, or none.
   */
  mode: TaxMode;
  /**
   * Rate as a decimal fraction (`"0.20"` for 20 %).
   */
  rate?: string;
}
/**
 * A fee as written: a rate of the amount plus a fixed part.
 */
export interface FeeInput {
  /**
   * Fraction of the amount (`"0.03"`).
   */
  rate?: string;
  /**
   * Fixed amount per transaction.
   */
  fixed?: string;
}
/**
 * The creator's terms as written.
 */
export interface CreatorInput {
  /**
   * `per_diamond` or `share_of_net`.
   */
  model: CreatorModel;
  /**
   * Diamonds the creator receives per coin gifted (`per_diamond`).
   */
  diamonds_per_coin?: string | null;
  /**
   * Cash value of one Diamond (`per_diamond`).
   */
  diamond_value?: string | null;
  /**
   * Share of the net price (`share_of_net`).
   */
  share?: string | null;
}
/**
 * The agency's cut as written.
 */
export interface AgencyInput {
  /**
   * Fraction of the creator's earnings.
   */
  rate?: string;
  /**
   * Who pays it.
   */
  paid_by?: AgencyPayer & string;
}
/**
 * Withdrawal terms as written.
 */
export interface PayoutInput {
  /**
   * Smallest balance that can be withdrawn.
   */
  minimum?: string;
  /**
   * Most that can be withdrawn per calendar day.
   */
  daily_cap?: string | null;
  /**
   * Fee on each withdrawal.
   */
  fee?: FeeInput;
  /**
   * Days from a withdrawal request to the money arriving.
   */
  delay_days?: number;
}
/**
 * A gift as written in input: id, display name, price in coins.
 */
export interface GiftInput {
  /**
   * Lower-kebab-case id (`finger-heart`).
   */
  id: string;
  /**
   * Name as the app shows it.
   */
  name: string;
  /**
   * Price in coins.
   */
  coins: number;
}
/**
 * The provenance of one or more figures, named by their field paths (`bundles[0]`, `tax`).
 */
export interface Provenance {
  /**
   * The figures this entry covers, as field paths within the document.
   */
  fields: string[];
  /**
   * Address of the page the figures come from.
   */
  source?: string | null;
  /**
   * Date the source's text is dated (or states the figures for): `YYYY`, `YYYY-MM` or
   * `YYYY-MM-DD`; absent for an undated page, which then gives `checked`.
   */
  as_of?: string | null;
  /**
   * When we last read the source and found the figures there (same date forms).
   */
  checked?: string | null;
  /**
   * How far the source can be trusted.
   */
  confidence?: Confidence | null;
  /**
   * True when the figures are our own estimate rather than a published number.
   */
  estimate?: boolean;
  /**
   * How an estimate was made.
   */
  method?: string | null;
  /**
   * Anything a reader should know about these figures.
   */
  note?: string | null;
}
/**
 * The `audit` request.
 */
export interface AuditRequest {
  /**
   * The rate card: a preset id or a full rate card object.
   */
  rate_card: PresetOr_RateCardInput;
  /**
   * Also audit every shipped card of the same platform in the same currency (its other
   * channels: web, iOS, Android).
   */
  all_channels?: boolean;
  /**
   * Gift ids to audit (default: the card's whole catalogue).
   */
  gifts?: string[] | null;
  /**
   * A region (`AU`, `US-TX`) for the age gates and caps that hold there (needs `date`).
   */
  region?: string | null;
  /**
   * The day (`YYYY-MM-DD`) the rules are read for.
   */
  date?: string | null;
}
/**
 * The card a result was computed with: id, version and as-of date.
 */
export interface RateCardRef {
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * Platform.
   */
  platform: string;
  /**
   * Channel.
   */
  channel: Channel;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Version.
   */
  version: number;
  /**
   * As-of date.
   */
  as_of?: string | null;
}
/**
 * One gift, audited.
 */
export interface GiftAudit {
  /**
   * Gift id.
   */
  gift: string;
  /**
   * Its name.
   */
  name: string;
  /**
   * Its coins.
   */
  coins: number;
  /**
   * Its coins at the ladder's best price per coin (6 decimals; display only): what the
   * gift costs if coins could be bought at the best rate in any amount.
   */
  price_at_best_rate: string;
  /**
   * The cheapest purchase that covers it, with its leftover coins.
   */
  cheapest_purchase: CheapestPurchase;
  /**
   * The fewest coins any purchase covering it leaves over (0: the exact amount can be
   * bought).
   */
  min_leftover_coins: number;
  /**
   * Cheapest purchase ÷ price at the best rate − 1 (6 decimals): how much more the viewer
   * must pay than the gift's coins are worth at the best rate.
   */
  forced_overspend: string;
}
/**
 * The cheapest purchase covering a gift.
 */
export interface CheapestPurchase {
  /**
   * Coins received.
   */
  coins: number;
  /**
   * Listed price.
   */
  price: Money;
  /**
   * Purchases.
   */
  purchase_count: number;
  /**
   * Coins left over after the gift.
   */
  leftover_coins: number;
  /**
   * The purchases.
   */
  lines: AuditLine[];
}
/**
 * A line of the cheapest purchase.
 */
export interface AuditLine {
  /**
   * Coins per purchase (bonus included).
   */
  coins: number;
  /**
   * Listed price per purchase.
   */
  price: Money;
  /**
   * Purchases.
   */
  count: number;
  /**
   * True for a custom amount.
   */
  custom: boolean;
}
/**
 * The ladder, audited.
 */
export interface LadderAudit {
  /**
   * Bundles on the card.
   */
  bundles: number;
  /**
   * True when a custom amount can be bought.
   */
  custom_amount: boolean;
  /**
   * Does the price per coin never rise as packs grow?
   */
  per_coin_monotone: boolean;
  /**
   * Each pair of packs where the larger is dearer per coin.
   */
  breaks: LadderBreak[];
  /**
   * The offer with the lowest price per coin (limited offers aside).
   */
  best_value_bundle: BestValue;
  /**
   * Offers that may be bought only a few times (a first-purchase pack), left out of the
   * ladder's checks and best value.
   */
  limited_offers: LimitedOffer[];
  /**
   * Money, the platform's currencies, and the creator's cash, in order.
   */
  currency_layers: Layer[];
  /**
   * Conversions between the viewer's money and the creator's cash.
   */
  conversions: number;
}
/**
 * A pack that costs more per coin than a smaller one.
 */
export interface LadderBreak {
  /**
   * The smaller pack's coins.
   */
  smaller: number;
  /**
   * The larger pack's coins, dearer per coin.
   */
  larger: number;
  /**
   * The smaller pack's price per coin (6 decimals).
   */
  smaller_price_per_coin: string;
  /**
   * The larger pack's price per coin (6 decimals).
   */
  larger_price_per_coin: string;
}
/**
 * The best-value offer.
 */
export interface BestValue {
  /**
   * Coins (bonus included; for a custom amount, one step).
   */
  coins: number;
  /**
   * Listed price.
   */
  price: Money;
  /**
   * Price per coin (6 decimals).
   */
  price_per_coin: string;
  /**
   * True for the custom amount.
   */
  custom: boolean;
}
/**
 * A limited offer.
 */
export interface LimitedOffer {
  /**
   * Coins (bonus included).
   */
  coins: number;
  /**
   * Listed price.
   */
  price: Money;
  /**
   * Price per coin (6 decimals).
   */
  price_per_coin: string;
  /**
   * Most purchases of it.
   */
  max_purchases: number;
}
/**
 * One layer between the viewer's money and the creator's cash.
 */
export interface Layer {
  /**
   * What it is called (`USD`, `Coins`, `Diamonds`).
   */
  name: string;
  /**
   * Who holds it.
   */
  held_by: string;
  /**
   * Whether a viewer can buy it with money.
   */
  purchasable: boolean;
}
/**
 * A finding of the audit.
 */
export interface Finding {
  /**
   * Stable code: `forced_leftover`, `ladder_not_monotone`, `currency_layers`,
   * `exact_amount_buyable`, `overspend`.
   */
  code: string;
  /**
   * `warn` for what a regulator's principle questions, `info` otherwise.
   */
  level: string;
  /**
   * A sentence a person understands.
   */
  message: string;
  /**
   * The principle it serves.
   */
  principle: string;
}
/**
 * One card's audit.
 */
export interface CardAudit {
  /**
   * The card.
   */
  rate_card: RateCardRef;
  /**
   * Every gift audited, in catalogue order.
   */
  gifts: GiftAudit[];
  /**
   * The ladder.
   */
  ladder: LadderAudit;
  /**
   * What the audit found, in plain words.
   */
  findings: Finding[];
}
/**
 * The rules that hold in a region on a date.
 */
export interface RulesOnDate {
  /**
   * The region.
   */
  region: string;
  /**
   * The day.
   */
  date: string;
  /**
   * Every rule set of the registry that covers the region and the card's platform and
   * channel, applied or not on the date.
   */
  rule_sets: RuleOnDate[];
}
/**
 * A rule set of the registry, as it stands in the region on the date.
 */
export interface RuleOnDate {
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * Where it holds.
   */
  jurisdiction?: string | null;
  /**
   * The instrument.
   */
  instrument?: string | null;
  /**
   * Its status on the date (absent: not yet recorded then).
   */
  status?: Status | null;
  /**
   * True when `"auto"` applies it on the date.
   */
  applies: boolean;
  /**
   * Its whole status history.
   */
  status_history: StatusInput[];
  /**
   * Minimum ages in the region.
   */
  min_age: MinAge;
  /**
   * Age brackets with caps or approval.
   */
  brackets: BracketOut[];
  /**
   * Notes.
   */
  notes?: string | null;
}
/**
 * One step of a status history: `status` holds from `from` until the next step.
 */
export interface StatusInput {
  /**
   * The status.
   */
  status: Status;
  /**
   * The first day it holds: `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` for the first day of it).
   */
  from: string;
  /**
   * What happened (a signature, an injunction, a stay, a delay).
   */
  note?: string | null;
}
/**
 * Minimum ages, resolved.
 */
export interface MinAge {
  /**
   * To buy.
   */
  buy: number;
  /**
   * To gift.
   */
  gift: number;
  /**
   * To receive.
   */
  receive: number;
}
/**
 * An age bracket, as the audit lists it.
 */
export interface BracketOut {
  /**
   * Bracket id.
   */
  id: string;
  /**
   * "ages 8 to 15".
   */
  ages: string;
  /**
   * Purchases need a guardian's approval.
   */
  guardian_approval: boolean;
  /**
   * Its caps.
   */
  caps: CapOut[];
}
/**
 * A cap, as the audit lists it.
 */
export interface CapOut {
  /**
   * Cap id.
   */
  id: string;
  /**
   * Buying or gifting.
   */
  action: Action;
  /**
   * Its window.
   */
  window: WindowKind;
  /**
   * The limit.
   */
  limit: Money;
  /**
   * Blocks (`hard`) or warns (`soft`).
   */
  enforcement: Enforcement;
}
/**
 * The `audit` answer.
 */
export interface AuditResponse {
  /**
   * The card audited.
   */
  rate_card: RateCardRef;
  /**
   * Every gift of the card, audited.
   */
  gifts: GiftAudit[];
  /**
   * The card's ladder.
   */
  ladder: LadderAudit;
  /**
   * What the audit found, in plain words.
   */
  findings: Finding[];
  /**
   * With `all_channels`: the platform's other shipped cards in the currency, audited alike.
   */
  channels?: CardAudit[];
  /**
   * With `region` and `date`: the registry's age gates and caps there and then.
   */
  rules?: RulesOnDate | null;
}
/**
 * A scenario as JSON can write it.
 */
export interface ScenarioInput {
  /**
   * One rate card for every viewer (or give `channels`).
   */
  rate_card?: PresetOr_RateCardInput | null;
  /**
   * Channels and the share of viewers on each (same currency).
   */
  channels?: ChannelInput[];
  /**
   * Spending rules enforced per viewer (default `none`).
   */
  rule_set?: PresetOr_RuleSetInput & string;
  /**
   * Exchange rates when the rules count another currency (`{"USD/CNY": "7.10"}`).
   */
  exchange_rates?: {
    [k: string]: string | undefined;
  };
  /**
   * Viewers' region, for regional age rules.
   */
  region?: string | null;
  /**
   * Number of viewers.
   */
  viewers: number;
  /**
   * How many viewers the simulated ones stand for (at most 2,000,000,000): totals are
   * scaled up to them, creators with them.
   */
  represents?: number | null;
  /**
   * Age groups (default: everyone 18 to 64).
   */
  ages?: AgeGroupInput[];
  /**
   * Spender segments.
   */
  segments: SegmentInput[];
  /**
   * Price elasticity of coin demand: coins bought scale with `price_multiplier^elasticity`
   * (0: the same coins whatever the price; −1: the same money).
   */
  elasticity?: string;
  /**
   * Every price on every card is multiplied by this (default 1).
   */
  price_multiplier?: string;
  /**
   * Creators receiving the gifts.
   */
  creators?: CreatorsInput;
  /**
   * Chance a guardian approves a purchase that needs approval (default 0.5).
   */
  guardian_approval_rate?: string;
  /**
   * Days simulated.
   */
  days: number;
  /**
   * First day (`YYYY-MM-DD`), for calendar windows (default 2026-01-01).
   */
  start?: string;
  /**
   * Monte Carlo runs (default 1).
   */
  runs?: number;
  /**
   * Seed: the same scenario and seed give the same answer, byte for byte.
   */
  seed?: number;
  /**
   * Days simulated before `start` and left out of the results, so that the population is
   * in its steady state (coins held, budgets part spent) when counting begins (default 0).
   */
  warm_up_days?: number;
  /**
   * Viewers who state an older age than theirs.
   */
  age_misreport?: AgeMisreportInput | null;
  /**
   * Parameters not known exactly, each drawn once per run from its distribution, so the
   * bands over runs carry that uncertainty too.
   */
  uncertain?: UncertainInput[];
}
/**
 * A channel and the share of viewers who buy there.
 */
export interface ChannelInput {
  /**
   * A preset id or a rate card object.
   */
  rate_card: PresetOr_RateCardInput;
  /**
   * Share of viewers, a decimal string; the shares add up to 1.
   */
  share: string;
  /**
   * This channel's prices are multiplied by this too (default 1).
   */
  price_multiplier?: string;
}
/**
 * A rule set as JSON can write it.
 */
export interface RuleSetInput {
  /**
   * Lower-kebab-case id (`cn-games-2019`).
   */
  id: string;
  /**
   * Human name.
   */
  name: string;
  /**
   * Revision.
   */
  version?: number;
  /**
   * Date the rules hold from.
   */
  as_of?: string | null;
  /**
   * Where the rules hold: an ISO 3166-1 country (`AU`) or ISO 3166-2 subdivision
   * (`US-TX`); absent for everywhere (a platform's own policy).
   */
  jurisdiction?: string | null;
  /**
   * The law, guideline or policy the rules come from.
   */
  instrument?: string | null;
  /**
   * Dated status history, oldest first: each status holds from its day to the next one's.
   */
  status?: StatusInput[];
  /**
   * Platforms the rules cover (`tiktok`, as rate cards name them); absent for all.
   */
  platforms?: string[];
  /**
   * Purchase channels the rules cover (`ios`, `android`); absent for all.
   */
  channels?: Channel[];
  /**
   * Limits a person or family chooses (a budget, a family's caps): `"auto"` never applies
   * them on its own.
   */
  opt_in?: boolean;
  /**
   * Currency of every cap.
   */
  currency: string;
  /**
   * Time zone for calendar windows when the person gives none (default UTC).
   */
  time_zone?: string | null;
  /**
   * Minimum ages.
   */
  min_age?: MinAgeInput;
  /**
   * Regional exceptions to the minimum ages.
   */
  regions?: RegionInput[];
  /**
   * Caps by age bracket.
   */
  brackets?: BracketInput[];
  /**
   * Fractions of a cap at which a warning is given, once per window (default 0.5, 0.8, 1).
   */
  warning_thresholds?: string[];
  /**
   * Where each rule comes from.
   */
  sources?: Provenance[];
  /**
   * Anything a reader should know.
   */
  notes?: string | null;
}
/**
 * Minimum ages as written; an absent age means no minimum (or, in a region, no override).
 */
export interface MinAgeInput {
  /**
   * Minimum age to buy coins.
   */
  buy?: number | null;
  /**
   * Minimum age to send gifts.
   */
  gift?: number | null;
  /**
   * Minimum age to receive gifts (go LIVE as a creator).
   */
  receive?: number | null;
}
/**
 * A regional exception as written.
 */
export interface RegionInput {
  /**
   * ISO 3166-1 alpha-2 code (`KR`).
   */
  region: string;
  /**
   * Minimum ages that replace the rule set's in this region.
   */
  min_age: MinAgeInput;
}
/**
 * An age bracket as written: `min_age ≤ age < max_age`.
 */
export interface BracketInput {
  /**
   * Lower-kebab-case id (`8-to-15`).
   */
  id: string;
  /**
   * Youngest age in the bracket.
   */
  min_age?: number;
  /**
   * First age past the bracket; absent for no upper bound.
   */
  max_age?: number | null;
  /**
   * Caps for people in the bracket.
   */
  caps?: CapInput[];
  /**
   * Minutes required between two purchases.
   */
  cooldown_minutes?: number | null;
  /**
   * Whether the cooldown blocks or warns.
   */
  cooldown_enforcement?: Enforcement & string;
  /**
   * Every purchase needs a guardian's approval (like Apple's Ask to Buy).
   */
  guardian_approval?: boolean;
}
/**
 * A cap as written.
 */
export interface CapInput {
  /**
   * Lower-kebab-case id, named in verdicts.
   */
  id: string;
  /**
   * What it limits.
   */
  action: Action;
  /**
   * Per transaction, or per calendar or rolling window.
   */
  window: WindowKind;
  /**
   * Most money allowed, in the rule set's currency.
   */
  limit: string;
  /**
   * Block (`hard`, default) or warn (`soft`).
   */
  enforcement?: Enforcement & string;
}
/**
 * An age group of the population: `min_age ≤ age < max_age`.
 */
export interface AgeGroupInput {
  /**
   * Lower-kebab-case id used in the results (default `13-to-15` from the ages).
   */
  id?: string | null;
  /**
   * Youngest age.
   */
  min_age: number;
  /**
   * First age past the group.
   */
  max_age: number;
  /**
   * Share of viewers; the shares add up to 1.
   */
  share: string;
}
/**
 * A group of viewers who behave alike.
 */
export interface SegmentInput {
  /**
   * Lower-kebab-case id (`whales`).
   */
  id: string;
  /**
   * Share of viewers; the shares add up to 1.
   */
  share: string;
  /**
   * Money a month, refreshed on the first of each calendar month; absent for viewers who
   * never spend.
   */
  budget?: BudgetInput | null;
  /**
   * Days a week with gifting, on average (default 2).
   */
  active_days_per_week?: string;
  /**
   * Gifts sent on an active day, on average (default 3).
   */
  gifts_per_active_day?: string;
  /**
   * Money a top-up aims at (default: the card's cheapest purchase); the most coins that fit
   * are bought.
   */
  top_up?: string | null;
  /**
   * The gifts this segment sends.
   */
  gifts?: GiftChoiceInput[];
  /**
   * What a coin is worth to a viewer (a reservation price): at each top-up the viewer buys
   * the offer with the largest surplus (value of its coins − what it costs), and nothing if
   * every offer costs more than its coins are worth. Absent: coins are worth any price and
   * the budget scales with the price multiplier and `elasticity` instead.
   */
  value_per_coin?: SpreadInput | null;
  /**
   * What it takes for a viewer to move to a cheaper channel of the same platform: a viewer
   * switches when what one top-up saves there is more than this. Absent: nobody switches.
   */
  switching_cost?: SpreadInput | null;
  /**
   * Share of each age group (by id) in this segment, instead of `share` (which then
   * applies to the groups not listed); in each age group the shares add up to 1.
   */
  share_by_age?: {
    [k: string]: string | undefined;
  };
  /**
   * The budget of an age group (by id), instead of `budget`.
   */
  budget_by_age?: {
    [k: string]: BudgetInput | undefined;
  };
  /**
   * Retention curve: the share of the segment's viewers still there a month later, for
   * their first month, second month, … (the last applies to every month after). A viewer
   * who leaves is replaced by a new one (drawn afresh: age group, segment, budget), so the
   * population keeps its size. Absent: viewers stay.
   */
  monthly_retention?: string[];
}
/**
 * A monthly budget, in money.
 */
export interface BudgetInput {
  /**
   * Shape of the distribution.
   */
  distribution: BudgetDistribution;
  /**
   * `fixed`: the amount.
   */
  amount?: string | null;
  /**
   * `lognormal`: the median.
   */
  median?: string | null;
  /**
   * `lognormal`: the standard deviation of the logarithm.
   */
  sigma?: string | null;
  /**
   * `uniform` and `pareto`: the smallest budget.
   */
  min?: string | null;
  /**
   * `uniform`: the largest; `lognormal` and `pareto`: a cap.
   */
  max?: string | null;
  /**
   * `pareto`: the tail index (above 1 for a finite mean).
   */
  alpha?: string | null;
}
/**
 * A gift a segment sends, and how often relative to its other gifts.
 */
export interface GiftChoiceInput {
  /**
   * A gift id from the cards' catalogues.
   */
  gift?: string | null;
  /**
   * Or a plain number of coins (a cheer of Bits, a Super Chat in cents).
   */
  coins?: number | null;
  /**
   * Relative weight.
   */
  weight: number;
}
/**
 * A lognormal distribution of an amount of money per viewer: half the viewers are above
 * `median`, and `sigma` is the standard deviation of its logarithm.
 */
export interface SpreadInput {
  /**
   * The median, a decimal amount in the scenario's currency (may be finer than a cent:
   * `"0.0125"` per coin).
   */
  median: string;
  /**
   * Standard deviation of the logarithm (default 0.5; 0 gives everyone the median).
   */
  sigma?: string;
}
/**
 * How many creators receive gifts, and how unequal their popularity is.
 */
export interface CreatorsInput {
  /**
   * Number of creators.
   */
  count: number;
  /**
   * Zipf exponent of popularity: creator `k` is chosen with weight `1 / k^s` (default 1).
   */
  zipf_exponent?: string;
}
/**
 * Viewers who state an older age than theirs: the rules see the stated age, the budget and
 * the segment follow the real one.
 */
export interface AgeMisreportInput {
  /**
   * Share of viewers younger than `stated_age` who state it.
   */
  share: string;
  /**
   * The age they state (18, say).
   */
  stated_age: number;
}
/**
 * A parameter drawn once per run.
 */
export interface UncertainInput {
  /**
   * Any sweep parameter (`elasticity`, `price_multiplier:CARD`, `creator_share`, …) or a
   * calibration's (`segment:ID/share`, `segment:ID/budget.median`, `creators.zipf_exponent`).
   */
  parameter: string;
  /**
   * `normal` (with `mean` and `sd`) or `uniform` (with `min` and `max`).
   */
  distribution: Distribution;
  /**
   * Normal: the mean.
   */
  mean?: string | null;
  /**
   * Normal: the standard deviation.
   */
  sd?: string | null;
  /**
   * Uniform: the lowest value; normal: where draws are cut off (default mean − 4 sd).
   */
  min?: string | null;
  /**
   * Uniform: the highest value; normal: where draws are cut off (default mean + 4 sd).
   */
  max?: string | null;
}
/**
 * A free parameter as JSON writes it.
 */
export interface FreeInput {
  /**
   * `segment:ID/FIELD` with FIELD one of `share`, `budget.median`, `budget.sigma`,
   * `budget.min`, `budget.max`, `budget.alpha`, `budget.amount`, `value_per_coin.median`,
   * `value_per_coin.sigma`, `switching_cost.median`, `switching_cost.sigma`,
   * `active_days_per_week`, `gifts_per_active_day`, `top_up`; or `elasticity`,
   * `creators.zipf_exponent`. A segment's `share` is taken from (or given to) the first
   * segment without a budget, so the shares still add up to 1.
   */
  parameter: string;
  /**
   * Smallest value, a decimal string.
   */
  min: string;
  /**
   * Largest value.
   */
  max: string;
}
/**
 * A target as JSON writes it.
 */
export interface TargetInput {
  /**
   * A metric of `simulate` (`payer_share`, `arppu`, `top_10pct_revenue_share`, …),
   * `revenue_share` (of a `segment` or a `purchase`), or `daily_revenue` or
   * `monthly_revenue` (a profile).
   */
  metric: string;
  /**
   * The value to reach, a decimal string (money in the scenario's currency).
   */
  value?: string | null;
  /**
   * `daily_revenue` (`monthly_revenue`): what viewers pay on each day (in each calendar
   * month) of the scenario, one value per day (per month, a partial month included).
   */
  values?: string[];
  /**
   * Relative tolerance: the target is met within `tolerance × value` (default 0.05).
   */
  tolerance?: string;
  /**
   * Of this segment only: `revenue_share` (of what all viewers paid), `spend`, or any metric
   * but what creators are paid (`arppu`, `payer_share`, …).
   */
  segment?: string | null;
  /**
   * `revenue_share`: of the purchases with this many coins (`1321 coins`) on every channel,
   * or `custom amount`.
   */
  purchase?: string | null;
}
/**
 * The `calibrate` request.
 */
export interface CalibrateRequest {
  /**
   * The scenario to fit; its values are the starting point.
   */
  scenario: ScenarioInput;
  /**
   * The parameters left free, each with its range.
   */
  free: FreeInput[];
  /**
   * The targets.
   */
  targets?: TargetInput[];
  /**
   * Or a shipped target set (`swrve-2016-f2p`, `inke-2018-live`, `tiktok-bundle-2023`), whose
   * targets come before any in `targets`.
   */
  target_set?: string | null;
  /**
   * Most simulations the search runs (default 120, at most 2,000).
   */
  max_evaluations?: number;
}
/**
 * A fitted parameter.
 */
export interface FittedOut {
  /**
   * The parameter.
   */
  parameter: string;
  /**
   * Its fitted value, as the scenario writes it.
   */
  value: string;
  /**
   * Where the search started.
   */
  start: string;
  /**
   * The range searched.
   */
  min: string;
  /**
   * The range searched.
   */
  max: string;
  /**
   * Always true: a fitted value is an estimate, not a published figure.
   */
  estimate: boolean;
}
/**
 * One target and what the fitted scenario achieved.
 */
export interface TargetOut {
  /**
   * The metric.
   */
  metric: string;
  /**
   * Its segment, if any.
   */
  segment?: string | null;
  /**
   * Its purchase, if any.
   */
  purchase?: string | null;
  /**
   * The value to reach (a profile's values joined by commas).
   */
  target: string;
  /**
   * What the fitted scenario gives (mean over runs; a profile's values joined).
   */
  achieved: string;
  /**
   * Relative tolerance.
   */
  tolerance: string;
  /**
   * True when within the tolerance (every day of a profile, on average).
   */
  met: boolean;
}
/**
 * A shipped target set: published figures, with their source.
 */
export interface TargetSet {
  /**
   * Id (`swrve-2016-f2p`).
   */
  id: string;
  /**
   * What it describes.
   */
  name: string;
  /**
   * The source.
   */
  source: string;
  /**
   * The source's date.
   */
  as_of: string;
  /**
   * How the published figures become targets.
   */
  note: string;
}
/**
 * The `calibrate` answer.
 */
export interface CalibrateResponse {
  /**
   * The fitted scenario: a plain `simulate` input.
   */
  scenario: ScenarioInput;
  /**
   * The fitted parameters (estimates).
   */
  fitted: FittedOut[];
  /**
   * Each target, and what the fit achieved.
   */
  targets: TargetOut[];
  /**
   * Targets not met, by metric.
   */
  missed: string[];
  /**
   * Mean over targets of the squared error in tolerances (at most 1 when all are met).
   */
  fit_error: string;
  /**
   * Simulations run.
   */
  evaluations: number;
  /**
   * Nelder–Mead iterations.
   */
  iterations: number;
  /**
   * True when the search stopped on its own (targets met or no further progress), false at
   * the evaluation cap.
   */
  converged: boolean;
  /**
   * The target set used, with its source.
   */
  target_set?: TargetSet | null;
  /**
   * How to read the answer.
   */
  note: string;
}
/**
 * The `compare` request.
 */
export interface CompareRequest {
  /**
   * Money the fan spends, a decimal string.
   */
  spend: string;
  /**
   * Currency of `spend` (default `USD`).
   */
  currency?: string;
  /**
   * Preset ids or rate card objects; default: every preset in the currency.
   *
   * @minItems 1
   * @maxItems 32
   */
  rate_cards?: [PresetOr_RateCardInput, ...PresetOr_RateCardInput[]] | null;
}
/**
 * One platform's answer.
 */
export interface CompareRow {
  /**
   * The card.
   */
  rate_card: RateCardRef;
  /**
   * What the platform calls its coins.
   */
  coin_name: string;
  /**
   * Coins the money buys.
   */
  coins: number;
  /**
   * What the viewer pays for them.
   */
  viewer_pays: Money;
  /**
   * Money not spent because no purchase fits it.
   */
  budget_left: Money;
  /**
   * Price per coin.
   */
  price_per_coin?: string | null;
  /**
   * What the creator keeps when every coin is gifted.
   */
  creator_keeps: Money;
  /**
   * `creator_keeps` as a percentage of the money spent (2 decimals).
   */
  creator_percent?: string | null;
  /**
   * True when the creator can withdraw it at once (at or above the payout minimum).
   */
  creator_can_withdraw: boolean;
  /**
   * Where every cent goes; adds up to `viewer_pays`.
   */
  flow: FlowEntry[];
}
/**
 * One part of the flow.
 */
export interface FlowEntry {
  /**
   * Who receives it.
   */
  to: Recipient;
  /**
   * How much.
   */
  amount: Money;
  /**
   * `amount` as a percentage of what the viewer pays ([`RoundingPoint::Percent`]), when the
   * viewer pays anything.
   */
  percent?: string | null;
}
/**
 * The `compare` answer.
 */
export interface CompareResponse {
  /**
   * The money spent on each platform.
   */
  spend: Money;
  /**
   * One row per rate card, in the order given.
   */
  rows: CompareRow[];
  /**
   * Id of the card whose creator keeps the most; absent with a single card (nothing to
   * compare it with).
   */
  best_for_creator?: string | null;
}
/**
 * An error as data: `{"error": {"code", "path", "message", "details"}}` on the wire.
 */
export interface ErrorDetail {
  /**
   * Stable machine code.
   */
  code: ErrorCode;
  /**
   * JSON path of the offending field (`bundles[2].price`), empty for the document itself.
   */
  path: string;
  /**
   * A sentence a person understands.
   */
  message: string;
  /**
   * The facts behind the message, for programs (a page shows its own words from them and
   * never parses the sentence): a limit as `{"min", "max", "given"}`, an unknown id with its
   * `suggestions`, `{"from": "USD", "to": "CNY"}`, `{"zone": "Europe/Athens"}`. Names are
   * stable per code.
   */
  details?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * The wire form of an error: `{"error": {...}}`.
 */
export interface ErrorResponse {
  /**
   * The error.
   */
  error: ErrorDetail;
}
/**
 * A TikTok export (`user_data_tiktok.json`, or the older `user_data.json`).
 */
export interface TikTokExport {
  /**
   * Current exports' activity.
   */
  "Your Activity"?: Activity | null;
  /**
   * Older exports' activity.
   */
  Activity?: Activity | null;
  /**
   * The profile, with the date of birth.
   */
  Profile?: Profile | null;
}
/**
 * The activity section.
 */
export interface Activity {
  /**
   * Current exports' purchases.
   */
  Purchases?: Purchases | null;
  /**
   * Older exports' purchases.
   */
  "Purchase History"?: Purchases | null;
}
/**
 * Coins bought and gifts sent.
 */
export interface Purchases {
  /**
   * Coin purchases.
   */
  BuyGifts?: BuyGifts | null;
  /**
   * Gifts sent.
   */
  SendGifts?: SendGifts | null;
}
/**
 * `BuyGifts: { BuyGifts: [...] | null }`.
 */
export interface BuyGifts {
  /**
   * The purchases (`null` when there are none).
   */
  BuyGifts?: BuyGift[] | null;
}
/**
 * One coin purchase.
 */
export interface BuyGift {
  /**
   * `YYYY-MM-DD HH:MM:SS`, in no stated time zone.
   */
  Date: string;
  /**
   * Coins, or money, or a text that says which: TikTok documents none.
   */
  Price: Scalar;
}
/**
 * `SendGifts: { SendGifts: [...] | null }`.
 */
export interface SendGifts {
  /**
   * The gifts (`null` when there are none).
   */
  SendGifts?: SendGift[] | null;
}
/**
 * One gift sent.
 */
export interface SendGift {
  /**
   * `YYYY-MM-DD HH:MM:SS`, in no stated time zone.
   */
  Date: string;
  /**
   * Coins the gift cost (probably: TikTok documents none).
   */
  GiftAmount: Scalar;
  /**
   * Who received it.
   */
  UserName?: string | null;
}
/**
 * The profile section.
 */
export interface Profile {
  /**
   * Current exports.
   */
  "Profile Info"?: ProfileInfo | null;
  /**
   * Older exports.
   */
  "Profile Information"?: ProfileInfo | null;
}
/**
 * `{ ProfileMap: {...} }`.
 */
export interface ProfileInfo {
  /**
   * The profile's fields.
   */
  ProfileMap?: ProfileMap | null;
}
/**
 * The profile fields read.
 */
export interface ProfileMap {
  /**
   * `01-Feb-2011` or `Feb-01-2011`.
   */
  birthDate?: string | null;
}
/**
 * The Google Play Store files of a Takeout archive.
 */
export interface GooglePlay {
  /**
   * `Purchase History.json`.
   */
  purchase_history?: PurchaseEntry[] | null;
  /**
   * `Order History.json` (carries tax and refunds; preferred when both are given).
   */
  order_history?: OrderEntry[] | null;
}
/**
 * `{ "purchaseHistory": {...} }`.
 */
export interface PurchaseEntry {
  /**
   * The purchase.
   */
  purchaseHistory?: PlayPurchase | null;
}
/**
 * One Play purchase.
 */
export interface PlayPurchase {
  /**
   * `"$0.99"`.
   */
  invoicePrice?: string | null;
  /**
   * ISO 8601 in UTC.
   */
  purchaseTime?: Scalar | null;
  /**
   * What was bought.
   */
  doc?: Doc | null;
}
/**
 * A Play catalogue item.
 */
export interface Doc {
  /**
   * Its title (`"TikTok Coins"`).
   */
  title?: string | null;
}
/**
 * `{ "orderHistory": {...} }`.
 */
export interface OrderEntry {
  /**
   * The order.
   */
  orderHistory?: PlayOrder | null;
}
/**
 * One Play order.
 */
export interface PlayOrder {
  /**
   * Google's order id.
   */
  orderId?: string | null;
  /**
   * When (format undocumented: ISO 8601, or milliseconds since 1970).
   */
  creationTime?: Scalar | null;
  /**
   * `"$4.99"`, tax included.
   */
  totalPrice?: string | null;
  /**
   * `"$0.00"` when nothing was refunded.
   */
  refundAmount?: string | null;
  /**
   * What was bought.
   */
  lineItem?: LineItem[];
}
/**
 * One line of an order.
 */
export interface LineItem {
  /**
   * What was bought.
   */
  doc?: Doc | null;
}
/**
 * The `import` request.
 */
export interface ImportRequest {
  /**
   * The TikTok export (`user_data_tiktok.json`, or the older `user_data.json`), as is.
   */
  tiktok: TikTokExport;
  /**
   * Google Play's Takeout files, to price Android purchases from their invoices.
   */
  google_play?: GooglePlay | null;
  /**
   * The time zone the export's dates are in (TikTok states none): an IANA name, `UTC` or an
   * offset (default UTC; the page sends the device's).
   */
  time_zone?: string | null;
  /**
   * What a bare `Price` (a number with no unit) is: `"coins"` or a currency (`"USD"`).
   * Asked for (a `missing_field` error with samples) when the export needs it.
   */
  price_unit?: string | null;
  /**
   * The rate card that prices what no invoice or text does (default `tiktok-android` with
   * Google Play files, else `tiktok-ios`).
   */
  rate_card?: PresetOr_RateCardInput | null;
  /**
   * The rules the plan is checked against (default `"auto"` with a region, else
   * `tiktok-global`).
   */
  rule_set?: PresetOr_RuleSetInput | null;
  /**
   * The person's region (ISO 3166-1 country or US state).
   */
  region?: string | null;
  /**
   * The person's age, when the export has no date of birth.
   */
  age?: number | null;
  /**
   * Only records on or after this day (`YYYY-MM-DD`, in `time_zone`).
   */
  from?: string | null;
  /**
   * Only records on or before this day (`YYYY-MM-DD`, in `time_zone`).
   */
  to?: string | null;
}
/**
 * The `plan` request.
 */
export interface PlanRequest {
  /**
   * A preset id (`"cn-games-2019"`), a full rule set object, or `"auto"`: every shipped
   * rule set in force for the person's region (needed then) on each event's date, on the
   * rate card's platform and channel.
   */
  rule_set: PresetOr_RuleSetInput;
  /**
   * The person.
   */
  person: PersonInput;
  /**
   * A rate card to price coin purchases and gifts (preset id or object).
   */
  rate_card?: PresetOr_RateCardInput | null;
  /**
   * Exchange rates, `{"USD/CNY": "7.10"}` (1 USD = 7.10 CNY), for amounts in another
   * currency than the rule set's or the rate card's; either direction serves both ways.
   */
  exchange_rates?: {
    [k: string]: string | undefined;
  };
  /**
   * The moment for "what can still be spent" (default: the last event), written as an
   * event's `at` is.
   */
  now?: string | null;
  /**
   * The events, in any order (they are applied in time order).
   */
  events: EventInput[];
  /**
   * The events took place (an imported history): each counts toward the limits whatever
   * its verdict — a verdict says whether the rules would have stopped it, and every later
   * breach shows too — and a gift needs no coins bought within the plan.
   */
  happened?: boolean;
}
/**
 * The person the plan is for.
 */
export interface PersonInput {
  /**
   * Age in whole years, the same on every date (give this or `birth_date`).
   */
  age?: number | null;
  /**
   * Date of birth, `YYYY-MM-DD`: the age is then counted on each event's date, and the
   * rules for that age apply (an imported history spanning a birthday).
   */
  birth_date?: string | null;
  /**
   * ISO 3166-1 alpha-2 country (`KR`) or ISO 3166-2 US state (`US-TX`), for regional
   * rules; `"rule_set": "auto"` needs it.
   */
  region?: string | null;
  /**
   * Time zone for calendar windows: an IANA name (`Europe/Athens`), `UTC`, an offset
   * (`+08:00`) or a POSIX rule (default: the rule set's, else UTC).
   */
  time_zone?: string | null;
  /**
   * A guardian approved every purchase in advance.
   */
  guardian_approved?: boolean;
}
/**
 * One dated event: exactly one of `buy` and `gift`.
 */
export interface EventInput {
  /**
   * When: an RFC 3339 timestamp (`2026-03-01T10:00:00+08:00`), or a wall-clock time in the
   * person's time zone (`2026-03-01T10:00`; in the hour clocks go back, the earlier; in the
   * hour they skip, as if the clocks had not moved yet).
   */
  at: string;
  /**
   * A purchase of coins.
   */
  buy?: BuyInput | null;
  /**
   * A gift or tip.
   */
  gift?: GiftEventInput | null;
  /**
   * A guardian approved this purchase.
   */
  guardian_approved?: boolean;
  /**
   * A note, echoed in the verdict.
   */
  note?: string | null;
  /**
   * The event happens again: every day, week or month at the same wall-clock time in the
   * person's zone.
   */
  repeat?: RepeatInput | null;
}
/**
 * A purchase of coins: an amount of money, or a number of coins priced on the rate card.
 */
export interface BuyInput {
  /**
   * Money spent, a decimal string. With a rate card it buys the most coins it can at the
   * card's prices, after conversion at the stated exchange rate if it is in another currency.
   */
  amount?: string | null;
  /**
   * Currency of `amount` (default: the rate card's, else the rule set's).
   */
  currency?: string | null;
  /**
   * Coins bought at the rate card's cheapest mix (needs a rate card); with `amount` too, a
   * purchase whose coins and price are both known (an imported history's).
   */
  coins?: number | null;
}
/**
 * A gift from the rate card's catalogue, or a tip of an amount of money.
 */
export interface GiftEventInput {
  /**
   * Gift id (needs a rate card; its coins come from earlier purchases, first in first out).
   */
  gift?: string | null;
  /**
   * How many of the gift (default 1).
   */
  count?: number | null;
  /**
   * Coins sent as gifts that are not named (an imported history's), instead of `gift`;
   * valued like a catalogue gift.
   */
  coins?: number | null;
  /**
   * A tip of this much money instead of a catalogue gift.
   */
  amount?: string | null;
  /**
   * Currency of `amount` (default: the rate card's, else the rule set's).
   */
  currency?: string | null;
}
/**
 * A repeating event: `times` occurrences in all, or every one up to and including `until`.
 */
export interface RepeatInput {
  /**
   * How often.
   */
  every: Every;
  /**
   * Occurrences in all, the first included (2 to 10,000).
   */
  times?: number | null;
  /**
   * The last day it may happen, `YYYY-MM-DD` in the person's zone.
   */
  until?: string | null;
}
/**
 * What the unit of `Price` was taken to be, and why.
 */
export interface PriceUnit {
  /**
   * `coins` or a currency.
   */
  unit: string;
  /**
   * `text` (each price says), `asked` (the request's `price_unit`).
   */
  from: string;
}
/**
 * One record read, as it became a plan event.
 */
export interface ImportedEvent {
  /**
   * Position in the plan's `events`.
   */
  event: number;
  /**
   * Where it was read (`tiktok.Your Activity.Purchases.BuyGifts.BuyGifts[3]`).
   */
  from: string;
  /**
   * `buy` or `gift`.
   */
  kind: Action;
  /**
   * When, with its offset.
   */
  at: string;
  /**
   * Coins bought or sent, when known.
   */
  coins?: number | null;
  /**
   * Money paid, when known (an invoice's or the export's).
   */
  amount?: Money | null;
  /**
   * Its currency.
   */
  currency?: Currency | null;
  /**
   * Where the money comes from (purchases only).
   */
  basis?: Basis | null;
  /**
   * Google's order id of the matching invoice.
   */
  order_id?: string | null;
  /**
   * Part or all of it was refunded (from Google Play's order history).
   */
  refunded?: boolean;
  /**
   * Who received a gift.
   */
  recipient?: string | null;
}
/**
 * Counts over the records read.
 */
export interface ImportTotals {
  /**
   * Coin purchases.
   */
  purchases: number;
  /**
   * Gifts sent.
   */
  gifts: number;
  /**
   * Coins bought, where known.
   */
  coins_bought: number;
  /**
   * Coins sent as gifts.
   */
  coins_sent: number;
  /**
   * Purchases priced by a Google Play invoice.
   */
  from_invoices: number;
  /**
   * Purchases priced by the export's own amount.
   */
  from_export: number;
  /**
   * Purchases priced by the rate card (estimates).
   */
  estimated: number;
  /**
   * Purchases refunded in part or whole.
   */
  refunded: number;
  /**
   * Records with a zero amount, left out.
   */
  skipped: number;
  /**
   * Google Play invoices for coins no TikTok record matched.
   */
  unmatched_invoices: number;
}
/**
 * The `import` answer: the plan, and what was read.
 */
export interface ImportResponse {
  /**
   * A complete `plan` input: run it as is, or edit it.
   */
  plan: PlanRequest;
  /**
   * `tiktok-2024` (`Your Activity`) or `tiktok-legacy` (`Activity`).
   */
  format: string;
  /**
   * The unit `Price` was read in, when there were purchases.
   */
  price_unit?: PriceUnit | null;
  /**
   * The zone the export's dates were read in.
   */
  time_zone: string;
  /**
   * The profile's date of birth, when the export has one.
   */
  birth_date?: string | null;
  /**
   * Every record, in the plan's order.
   */
  events: ImportedEvent[];
  /**
   * Counts.
   */
  totals: ImportTotals;
  /**
   * What a reader should know, in plain words.
   */
  notes: string[];
}
/**
 * A decision variable as JSON writes it.
 */
export interface VariableInput {
  /**
   * Any parameter a sweep takes: `price_multiplier`, `price_multiplier:CARD`,
   * `bundle:CARD/COINS/price`, `bundle:CARD/COINS/coins`, `cap:BRACKET/CAP`,
   * `cap_multiplier`, `creator_share`, …
   */
  parameter: string;
  /**
   * Smallest value, a decimal string (with `max` and `step` or `price_points`).
   */
  min?: string | null;
  /**
   * Largest value.
   */
  max?: string | null;
  /**
   * Distance between values tried.
   */
  step?: string | null;
  /**
   * A bundle's price: only the store's price points from `min` to `max` (`apple-us`,
   * `google-play-us`).
   */
  price_points?: string | null;
  /**
   * Or exactly these values (checked against `price_points` when given).
   */
  values?: string[];
}
/**
 * The objective as JSON writes it: one money metric, or a weighted sum of them.
 */
export interface ObjectiveInput {
  /**
   * A money metric of `simulate`: `platform_margin`, `viewer_spend`, `creator_payouts`, …
   */
  metric?: string | null;
  /**
   * Or a weighted sum: money metric → weight (a decimal string, may be negative).
   */
  weights?: {
    [k: string]: string | undefined;
  };
  /**
   * `maximize` (default) or `minimize`.
   */
  goal?: Goal & string;
}
/**
 * A constraint as JSON writes it: a `metric` with `at_most` or `at_least`, or
 * `price_per_coin: "falls"`, or `reachable_gifts`.
 */
export interface ConstraintInput {
  /**
   * Any metric of `simulate` (`blocked_spend`, `creator_payouts`, `payer_share`, …).
   */
  metric?: string | null;
  /**
   * Of this age group only (its id, e.g. `16-to-17`): any metric but what creators are paid.
   */
  age_group?: string | null;
  /**
   * Of this segment only.
   */
  segment?: string | null;
  /**
   * The metric's mean over runs is at most this (money in the scenario's currency).
   */
  at_most?: string | null;
  /**
   * Or at least this.
   */
  at_least?: string | null;
  /**
   * `falls`: on every channel, each larger bundle gives coins at no higher a price per coin.
   */
  price_per_coin?: string | null;
  /**
   * Gifts (ids in the cards' catalogues) that, on every channel, some set of purchases buys
   * exactly, without coins left over.
   */
  reachable_gifts?: string[];
  /**
   * `price_per_coin` and `reachable_gifts`: only the channels on this rate card (default:
   * every channel).
   */
  rate_card?: string | null;
}
/**
 * The `optimize` request.
 */
export interface OptimizeRequest {
  /**
   * The scenario every point starts from.
   */
  scenario: ScenarioInput;
  /**
   * The decision variables, each with the values it may take.
   */
  variables: VariableInput[];
  /**
   * What to maximise (or minimise).
   */
  objective: ObjectiveInput;
  /**
   * What every answer must satisfy.
   */
  constraints?: ConstraintInput[];
  /**
   * Most simulations the search runs (default 80, at most 2,000).
   */
  max_evaluations?: number;
}
/**
 * A decision variable and the values it could take.
 */
export interface VariableOut {
  /**
   * The parameter.
   */
  parameter: string;
  /**
   * Its values, in order.
   */
  values: string[];
  /**
   * The store's price points it kept to, with their source.
   */
  price_points?: PriceLadder | null;
}
/**
 * A store's price points in one currency, with where they come from.
 */
export interface PriceLadder {
  /**
   * Id (`apple-us`, `google-play-us`).
   */
  id: string;
  /**
   * What it is.
   */
  name: string;
  /**
   * Its currency.
   */
  currency: Currency;
  /**
   * Lowest price point.
   */
  min: Money;
  /**
   * Highest price point.
   */
  max: Money;
  /**
   * Where the steps come from.
   */
  source: string;
  /**
   * When the source states them (or when we read an undated source).
   */
  as_of: string;
  /**
   * How far the source can be trusted.
   */
  confidence: Confidence;
  /**
   * True: the points themselves are our reading of the source's steps.
   */
  estimate: boolean;
  /**
   * How the points were made from the source.
   */
  method: string;
}
/**
 * A point the answer details.
 */
export interface PointOut {
  /**
   * Each variable's value.
   */
  values: {
    [k: string]: string | undefined;
  };
  /**
   * The objective.
   */
  objective: ObjectiveOut;
  /**
   * True when every constraint is met.
   */
  feasible: boolean;
  /**
   * Each constraint: the value, its slack and whether it is met.
   */
  constraints: Standing[];
  /**
   * Every metric over runs (P5, median, P95, mean).
   */
  totals: TotalsOut;
}
/**
 * The objective over runs.
 */
export interface ObjectiveOut {
  /**
   * Mean over runs (what the search ranks by).
   */
  mean: string;
  /**
   * 5th percentile over runs.
   */
  p5: string;
  /**
   * Median.
   */
  p50: string;
  /**
   * 95th percentile.
   */
  p95: string;
}
/**
 * How a point stands against a constraint.
 */
export interface Standing {
  /**
   * The constraint.
   */
  constraint: string;
  /**
   * The value measured (a metric's mean over runs; the smallest fall in price per coin
   * between neighbouring bundles, as a share; the gifts that cannot be bought exactly).
   */
  value: string;
  /**
   * How far inside the limit (negative: how far past it), in the metric's unit; for the
   * other constraints, the same as `value` where met.
   */
  slack: string;
  /**
   * True when satisfied.
   */
  met: boolean;
}
/**
 * Totals over runs.
 */
export interface TotalsOut {
  /**
   * Money metrics.
   */
  money: MoneyMetric[];
  /**
   * Count metrics.
   */
  counts: CountMetric[];
  /**
   * Ratio metrics (6 decimals).
   */
  ratios: RatioMetric[];
}
/**
 * A money metric over runs.
 */
export interface MoneyMetric {
  /**
   * Metric name.
   */
  metric: string;
  /**
   * What it means.
   */
  description: string;
  /**
   * 5th percentile.
   */
  p5: Money;
  /**
   * Median.
   */
  p50: Money;
  /**
   * 95th percentile.
   */
  p95: Money;
  /**
   * Mean, rounded half away from zero.
   */
  mean: Money;
}
/**
 * A count metric over runs.
 */
export interface CountMetric {
  /**
   * Metric name.
   */
  metric: string;
  /**
   * What it means.
   */
  description: string;
  /**
   * 5th percentile.
   */
  p5: number;
  /**
   * Median.
   */
  p50: number;
  /**
   * 95th percentile.
   */
  p95: number;
  /**
   * Mean with two decimals.
   */
  mean: string;
}
/**
 * A ratio metric over runs.
 */
export interface RatioMetric {
  /**
   * Metric name.
   */
  metric: string;
  /**
   * What it means.
   */
  description: string;
  /**
   * 5th percentile.
   */
  p5: string;
  /**
   * Median.
   */
  p50: string;
  /**
   * 95th percentile.
   */
  p95: string;
  /**
   * Mean, rounded half away from zero.
   */
  mean: string;
}
/**
 * A point of the search, for the chart.
 */
export interface Evaluation {
  /**
   * Each variable's value, in the order of `variables`.
   */
  values: string[];
  /**
   * The objective's mean over runs (absent when not simulated: a constraint on the
   * cards failed, or the scenario was invalid).
   */
  objective?: string | null;
  /**
   * True when every constraint is met.
   */
  feasible: boolean;
  /**
   * Why the point could not be evaluated, if it could not.
   */
  invalid?: string | null;
}
/**
 * The `optimize` answer.
 */
export interface OptimizeResponse {
  /**
   * The decision variables.
   */
  variables: VariableOut[];
  /**
   * The objective, in words.
   */
  objective: string;
  /**
   * The best point: the best feasible one, or when none is feasible the least violating.
   */
  best: PointOut;
  /**
   * The next best points.
   */
  runners_up: PointOut[];
  /**
   * True when some point meets every constraint.
   */
  feasible: boolean;
  /**
   * Said when no point evaluated meets every constraint.
   */
  warning?: string | null;
  /**
   * The best point's scenario: a plain `simulate` input.
   */
  scenario: ScenarioInput;
  /**
   * Every point evaluated, in the order evaluated.
   */
  points: Evaluation[];
  /**
   * Combinations of the variables' values.
   */
  combinations: string;
  /**
   * Simulations run.
   */
  evaluations: number;
  /**
   * True when every combination was evaluated.
   */
  exhaustive: boolean;
  /**
   * True when the search ended on its own, not at the evaluation cap.
   */
  converged: boolean;
  /**
   * How the search works and how to read the answer.
   */
  method: string;
}
/**
 * The rule set a result was computed with.
 */
export interface RuleSetRef {
  /**
   * Id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * Revision.
   */
  version: number;
  /**
   * As-of date.
   */
  as_of?: string | null;
  /**
   * Currency of its caps.
   */
  currency: Currency;
}
/**
 * A rule set `"auto"` considered, with its place and status history.
 */
export interface AppliedRuleSet {
  /**
   * The set.
   */
  rule_set: RuleSetRef;
  /**
   * Where it holds.
   */
  jurisdiction?: string | null;
  /**
   * The law, guideline or policy.
   */
  instrument?: string | null;
  /**
   * Its dated status history.
   */
  status: StatusInput[];
  /**
   * Events it was applied to (those on dates its status applies).
   */
  events: number;
  /**
   * Whether it applies at the moment "what can still be spent" is asked about (the last
   * event, or `now`).
   */
  applies_now: boolean;
}
/**
 * The person as the rules see them.
 */
export interface PersonOut {
  /**
   * Age (with a birth date, on the day asked about: the last event's or `now`).
   */
  age: number;
  /**
   * Date of birth, when given.
   */
  birth_date?: string | null;
  /**
   * Region.
   */
  region?: string | null;
  /**
   * Time zone used for calendar windows.
   */
  time_zone: string;
  /**
   * The age bracket that applies, if any.
   */
  bracket?: string | null;
  /**
   * The minimum ages that apply.
   */
  min_age: MinAge;
  /**
   * May buy coins.
   */
  may_buy: boolean;
  /**
   * May send gifts.
   */
  may_gift: boolean;
  /**
   * May receive gifts (go LIVE).
   */
  may_receive: boolean;
}
/**
 * The verdict on one event.
 */
export interface EventVerdict {
  /**
   * Position of the event in the input.
   */
  index: number;
  /**
   * Which occurrence of a repeating event, from 1.
   */
  occurrence?: number | null;
  /**
   * When, in the person's time zone.
   */
  at: string;
  /**
   * Buy or gift.
   */
  action: Action;
  /**
   * Gift id, for catalogue gifts.
   */
  gift?: string | null;
  /**
   * Coins bought or spent.
   */
  coins?: number | null;
  /**
   * The amount the rules count, in the rule set's currency. A gift is valued at what its
   * coins cost (first in, first out); one the coins held cannot cover, at the cost of those
   * held plus the cheapest purchase of the rest.
   */
  amount: Money;
  /**
   * The amount as paid, when it was in another currency than the rules count.
   */
  paid?: Amount | null;
  /**
   * What the rule says of the event.
   */
  verdict: Level;
  /**
   * The rule set the rule belongs to (absent for rules outside any set, such as holding
   * enough coins).
   */
  rule_set?: string | null;
  /**
   * The rule: a cap id, `min-age`, `guardian-approval`, `cooldown` or `coins`.
   */
  rule: string;
  /**
   * The window the rule counts over.
   */
  window?: WindowOut | null;
  /**
   * The cap.
   */
  limit?: Money | null;
  /**
   * Used in the window, this event included unless it is blocked.
   */
  used?: Money | null;
  /**
   * Left in the window (zero when passed).
   */
  remaining?: Money | null;
  /**
   * Stable code.
   */
  code: MessageCode;
  /**
   * A sentence a person understands.
   */
  message: string;
  /**
   * The facts behind the message, for programs, by code: `age_below_minimum` has
   * `minimum`; `cooldown` has `minutes` and `next_allowed_at`; `threshold_reached` has
   * `threshold` (a fraction of the cap); `not_enough_coins` has `needed` and `held`.
   */
  details?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Every rule checked.
   */
  checks: Check[];
  /**
   * The event's note.
   */
  note?: string | null;
}
/**
 * An amount as paid, in its own currency, and the stated rate that converted it.
 */
export interface Amount {
  /**
   * The amount.
   */
  amount: Money;
  /**
   * Its currency.
   */
  currency: Currency;
  /**
   * The exchange rate that converted it into the rule set's currency, as stated.
   */
  exchange_rate: StatedRate;
}
/**
 * A rate as the request stated it: `1 FROM = rate TO`.
 */
export interface StatedRate {
  /**
   * `FROM/TO`, as written (`USD/CNY`).
   */
  pair: string;
  /**
   * How many TO one FROM is worth.
   */
  rate: string;
}
/**
 * A window in an answer, with its bounds in the person's time zone.
 */
export interface WindowOut {
  /**
   * Kind of window.
   */
  kind: WindowKind;
  /**
   * Start (inclusive for calendar windows, exclusive for rolling ones).
   */
  start?: string | null;
  /**
   * End (exclusive for calendar windows, inclusive for rolling ones).
   */
  end?: string | null;
}
/**
 * One rule checked against one event.
 */
export interface Check {
  /**
   * What the rule says of the event.
   */
  verdict: Level;
  /**
   * The rule set the rule belongs to (absent for rules outside any set, such as holding
   * enough coins).
   */
  rule_set?: string | null;
  /**
   * The rule: a cap id, `min-age`, `guardian-approval`, `cooldown` or `coins`.
   */
  rule: string;
  /**
   * The window the rule counts over.
   */
  window?: WindowOut | null;
  /**
   * The cap.
   */
  limit?: Money | null;
  /**
   * Used in the window, this event included unless it is blocked.
   */
  used?: Money | null;
  /**
   * Left in the window (zero when passed).
   */
  remaining?: Money | null;
  /**
   * Stable code.
   */
  code: MessageCode;
  /**
   * A sentence a person understands.
   */
  message: string;
  /**
   * The facts behind the message, for programs, by code: `age_below_minimum` has
   * `minimum`; `cooldown` has `minutes` and `next_allowed_at`; `threshold_reached` has
   * `threshold` (a fraction of the cap); `not_enough_coins` has `needed` and `held`.
   */
  details?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * Totals over the plan.
 */
export interface PlanSummary {
  /**
   * Events checked.
   */
  events: number;
  /**
   * Allowed without warning.
   */
  ok: number;
  /**
   * Allowed with a warning.
   */
  warn: number;
  /**
   * Blocked.
   */
  block: number;
  /**
   * Money spent on allowed purchases (on every purchase, when the events happened).
   */
  bought: Money;
  /**
   * Money value of allowed gifts and tips (of every one, when the events happened).
   */
  gifted: Money;
  /**
   * Money of blocked events.
   */
  blocked: Money;
  /**
   * Index of the first blocked event in time order, if any.
   */
  first_block?: number | null;
  /**
   * When the first blocked event happens, in the person's time zone (a repeating event's
   * occurrence is known by its time).
   */
  first_block_at?: string | null;
}
/**
 * What can still be spent at a moment.
 */
export interface StillSpendable {
  /**
   * The moment, in the person's time zone.
   */
  at: string;
  /**
   * On purchases.
   */
  buy: Spendable;
  /**
   * On gifts and tips.
   */
  gift: Spendable;
}
/**
 * What can still be spent on one action.
 */
export interface Spendable {
  /**
   * The most without a block.
   */
  without_block: Headroom;
  /**
   * The most without any warning.
   */
  without_warning: Headroom;
}
/**
 * The most that can be spent at a moment without passing a rule.
 */
export interface Headroom {
  /**
   * The amount, or `None` when no cap limits it.
   */
  amount?: Money | null;
  /**
   * The rule set of the rule that limits it.
   */
  rule_set?: string | null;
  /**
   * The rule that limits it.
   */
  limited_by?: string | null;
  /**
   * The window of that rule.
   */
  window?: WindowOut | null;
  /**
   * When a cooldown ends, if one is running.
   */
  next_allowed_at?: string | null;
  /**
   * True when purchases also need a guardian's approval.
   */
  needs_guardian_approval: boolean;
}
/**
 * The `plan` answer.
 */
export interface PlanResponse {
  /**
   * The rule set used (`auto` for the registry's).
   */
  rule_set: RuleSetRef;
  /**
   * With `"auto"`: every rule set considered for the region, its place and status history,
   * and the events it was applied to.
   */
  rule_sets?: AppliedRuleSet[];
  /**
   * The rate card used, if any.
   */
  rate_card?: RateCardRef | null;
  /**
   * The person.
   */
  person: PersonOut;
  /**
   * One verdict per event, in input order.
   */
  verdicts: EventVerdict[];
  /**
   * Totals.
   */
  summary: PlanSummary;
  /**
   * The most that can still be spent at the end of the plan (or at `now`).
   */
  can_still_spend: StillSpendable;
}
/**
 * Users counted in each arm of a running experiment.
 */
export interface ObservedInput {
  /**
   * Users in the control arm.
   */
  control: number;
  /**
   * Users in the treatment arm.
   */
  treatment: number;
  /**
   * Share of users meant for treatment (default 0.5).
   */
  treatment_share?: string;
}
/**
 * The `power` request.
 */
export interface PowerRequest {
  /**
   * The scenario whose viewers' spending the arms are drawn from (calibrate it first).
   */
  scenario: ScenarioInput;
  /**
   * Users in each arm.
   */
  users_per_arm: number;
  /**
   * Days each user is observed.
   */
  days: number;
  /**
   * The change to test, as sweep parameters (`{"price_multiplier:tiktok-ios": "1.10"}`):
   * its simulated effect is the effect to detect.
   */
  change?: {
    [k: string]: string | undefined;
  };
  /**
   * Or the relative effect to detect, e.g. `0.05` for a 5 % change (both directions).
   */
  effect?: string | null;
  /**
   * Significance level of the two-sided test (default 0.05).
   */
  alpha?: string;
  /**
   * Power wanted (default 0.8).
   */
  power?: string;
  /**
   * Longest experiment considered when finding the days needed (default 56).
   */
  max_days?: number;
  /**
   * Times the results are looked at during the experiment (default: once a week).
   */
  looks?: number | null;
  /**
   * Users actually in each arm, for the sample-ratio check.
   */
  observed?: ObservedInput | null;
  /**
   * Replicate experiments simulated (default 2,000).
   */
  replicates?: number;
}
/**
 * What an experiment can detect on one metric.
 */
export interface MetricPlan {
  /**
   * `arpu` (revenue per user), `payer_share` (conversion) or `arppu` (revenue per payer).
   */
  metric: string;
  /**
   * What it is.
   */
  description: string;
  /**
   * Its value in the scenario over the experiment's days (money, or a share).
   */
  value: string;
  /**
   * The smallest rise detected with the power wanted, relative (`0.0512` is 5.12 %);
   * absent when no rise can be detected with these users.
   */
  mde_rise?: string | null;
  /**
   * The smallest fall detected.
   */
  mde_fall?: string | null;
  /**
   * The normal approximation's minimum detectable effect, for comparison: with heavy-tailed
   * revenue it is usually too optimistic.
   */
  closed_form?: string | null;
  /**
   * The effect to detect: the one given, or the change's simulated effect.
   */
  effect?: string | null;
  /**
   * The chance of detecting it with these users and days.
   */
  power_at_effect?: string | null;
  /**
   * The fewest days (of those examined: each week up to `max_days`, and `days`) that detect
   * it with the power wanted; absent when none does.
   */
  days_needed?: number | null;
  /**
   * The answer in a sentence.
   */
  summary: string;
}
/**
 * The smallest detectable rise of each metric after so many days.
 */
export interface DurationRow {
  /**
   * Days of the experiment.
   */
  days: number;
  /**
   * Metric → smallest rise detected (relative), absent when none is.
   */
  mde_rise: {
    [k: string]: string | undefined;
  };
  /**
   * Metric → the effect to detect after so many days, when there is one.
   */
  effect: {
    [k: string]: string | undefined;
  };
}
/**
 * The sample-ratio check.
 */
export interface SampleRatioOut {
  /**
   * Users in control.
   */
  control: number;
  /**
   * Users in treatment.
   */
  treatment: number;
  /**
   * Share meant for treatment.
   */
  treatment_share: string;
  /**
   * Chi-square statistic (1 degree of freedom).
   */
  chi_square: string;
  /**
   * Its p-value.
   */
  p_value: string;
  /**
   * True when p < 0.001: the split is not what was meant, and the results cannot be
   * trusted until the cause is found.
   */
  mismatch: boolean;
  /**
   * The answer in a sentence.
   */
  summary: string;
}
/**
 * What looking at the results early costs.
 */
export interface PeekingOut {
  /**
   * Looks planned.
   */
  looks: number;
  /**
   * Chance of a false alarm when stopping at the first look with p below alpha, though
   * there is no effect.
   */
  naive_false_positive_rate: string;
  /**
   * Boundaries that keep the false-alarm rate at alpha over every look.
   */
  boundaries: Boundary[];
  /**
   * The answer in a sentence.
   */
  summary: string;
}
/**
 * One look at the results under O'Brien–Fleming boundaries.
 */
export interface Boundary {
  /**
   * Look number, from 1.
   */
  look: number;
  /**
   * Day of the experiment.
   */
  day: number;
  /**
   * Stop for an effect only when |z| is above this.
   */
  z: string;
  /**
   * The same as a two-sided p-value.
   */
  p_value: string;
}
/**
 * The `power` answer.
 */
export interface PowerResponse {
  /**
   * Users per arm.
   */
  users_per_arm: number;
  /**
   * Days of the experiment.
   */
  days: number;
  /**
   * Significance level (two-sided).
   */
  alpha: string;
  /**
   * Power wanted.
   */
  power: string;
  /**
   * Each metric after `days` days.
   */
  metrics: MetricPlan[];
  /**
   * The smallest detectable rise after each number of days examined.
   */
  durations: DurationRow[];
  /**
   * The change tested, as given.
   */
  change: {
    [k: string]: string | undefined;
  };
  /**
   * The sample-ratio check, when arms were given.
   */
  sample_ratio?: SampleRatioOut | null;
  /**
   * What peeking costs, and boundaries that allow it.
   */
  peeking: PeekingOut;
  /**
   * Where the revenue distribution comes from.
   */
  sample: string;
  /**
   * How the answer was found.
   */
  method: string;
}
/**
 * `presets` takes no input (an empty object is accepted)
 */
export interface PresetsRequest {}
/**
 * A validated catalogue: unique ids, positive prices.
 */
export interface GiftCatalogue {
  /**
   * The shipped catalogue's id, or `None` for gifts written inline in a rate card.
   */
  id?: string | null;
  gifts: Gift[];
  sources: Provenance[];
}
/**
 * A validated gift.
 */
export interface Gift {
  /**
   * Lower-kebab-case id.
   */
  id: string;
  /**
   * Display name.
   */
  name: string;
  /**
   * Price in coins (at least 1).
   */
  coins: number;
}
/**
 * A rounding point, for readers of the answers.
 */
export interface RoundingRule {
  /**
   * The point's name (`tax`, `creator_cash`, …).
   */
  point: string;
  /**
   * What is rounded there.
   */
  applies_to: string;
  /**
   * To what: the currency's minor unit, whole Diamonds, 2 or 6 decimals.
   */
  to: string;
  /**
   * How: `half away from zero`, `toward zero` or `up`.
   */
  mode: string;
}
/**
 * The time zones of the pinned IANA database.
 */
export interface TimeZones {
  /**
   * The database's version (`2026f`).
   */
  database: string;
  /**
   * Every zone name, links included, sorted without regard to case; none in a build without
   * the database (the calculator page's, whose list is `tz/zones.json` beside its zone files).
   */
  zones: string[];
}
/**
 * The `presets` answer.
 */
export interface PresetsResponse {
  /**
   * Every shipped rate card, in the same form a request may send back (edited or not).
   */
  rate_cards: RateCardInput[];
  /**
   * Every shipped gift catalogue with its sources.
   */
  gift_catalogues: GiftCatalogue[];
  /**
   * Every shipped rule set, in the form `plan` and `quote` accept back.
   */
  rule_sets: RuleSetInput[];
  /**
   * Every rounding point and its rule (the same list `docs/model.md` prints).
   */
  rounding: RoundingRule[];
  /**
   * The time zones a person's zone may name.
   */
  time_zones: TimeZones;
}
/**
 * A gift wanted: id and count.
 */
export interface GiftWanted {
  /**
   * Gift id from the rate card's catalogue (`lion`).
   */
  gift: string;
  /**
   * How many (default 1).
   */
  count?: number;
}
/**
 * The `quote` request. Exactly one of `coins`, `gifts`, `spend` and `creator_cash`.
 */
export interface QuoteRequest {
  /**
   * A preset id (`"tiktok-ios"`) or a full rate card object.
   */
  rate_card: PresetOr_RateCardInput;
  /**
   * Coins wanted.
   */
  coins?: number | null;
  /**
   * Gifts wanted.
   */
  gifts?: GiftWanted[] | null;
  /**
   * Money to spend (a decimal string in the card's currency).
   */
  spend?: string | null;
  /**
   * Cash the creator should receive (a decimal string in the card's currency).
   */
  creator_cash?: string | null;
  /**
   * Also answer on the platform's other channels (default true).
   */
  compare_channels?: boolean;
  /**
   * Check the purchase and its gifts against these spending rules (needs `person`): a
   * preset id, a rule set object, or `"auto"` for every rule in force in the person's region
   * on the date `at` (both needed then).
   */
  rule_set?: PresetOr_RuleSetInput | null;
  /**
   * The person the spending rules apply to (needs `rule_set`).
   */
  person?: PersonInput | null;
  /**
   * When the purchase happens, for the rules' calendar windows and, with `"auto"`, which
   * rules hold: an RFC 3339 timestamp, or a wall-clock time in the person's time zone
   * (`2026-03-01T10:00`).
   */
  at?: string | null;
  /**
   * Exchange rates, `{"USD/CNY": "7.10"}`, when the rules count another currency.
   */
  exchange_rates?: {
    [k: string]: string | undefined;
  };
  /**
   * How much more than the cheapest price a simpler purchase (fewer purchases) may cost, as
   * a fraction (default `"0.02"`, 2 %).
   */
  simplest_within?: string | null;
}
/**
 * The purchase that answers the question.
 */
export interface Purchase {
  /**
   * Coins received.
   */
  coins: number;
  /**
   * Coins bought beyond what was needed.
   */
  leftover_coins: number;
  /**
   * Listed price of all purchases.
   */
  price: Money;
  /**
   * What the viewer pays (price plus any sales tax on top).
   */
  viewer_pays: Money;
  /**
   * Price per coin received, for comparison (6 decimals; display only).
   */
  price_per_coin?: string | null;
  /**
   * Number of purchases.
   */
  purchase_count: number;
  /**
   * The purchases, in the order they are made (the order coins are spent).
   */
  lines: PurchaseLine[];
  /**
   * For `spend`: what is left of the budget.
   */
  budget_left?: Money | null;
}
/**
 * One line of purchases with what each purchase's money becomes.
 */
export interface PurchaseLine {
  /**
   * A bundle or a custom amount.
   */
  kind: PurchaseKind;
  /**
   * Index of the bundle on the rate card (bundles only).
   */
  bundle?: number | null;
  /**
   * Coins per purchase (bonus included).
   */
  coins: number;
  /**
   * Number of purchases.
   */
  count: number;
  /**
   * Listed price of one purchase.
   */
  price: Money;
  /**
   * What the viewer pays for one purchase (price plus any tax on top).
   */
  viewer_pays: Money;
  /**
   * What the viewer pays for the whole line (`viewer_pays` × `count`).
   */
  total: Money;
  /**
   * Tax in one purchase.
   */
  tax: Money;
  /**
   * Store fee on one purchase.
   */
  store_fee: Money;
  /**
   * Payment fee on one purchase.
   */
  payment_fee: Money;
  /**
   * What remains of one purchase for the platform and creator.
   */
  net: Money;
}
/**
 * What one spend cost and earned.
 */
export interface SpendResult {
  /**
   * Gift id, or `coins`.
   */
  gift: string;
  /**
   * Display name.
   */
  name: string;
  /**
   * Units.
   */
  count: number;
  /**
   * Coins in all.
   */
  coins: number;
  /**
   * What those coins cost the viewer (first-in-first-out from the purchases).
   */
  cost: Money;
  /**
   * Diamonds the creator receives (per-diamond model).
   */
  diamonds: number;
  /**
   * The creator's earnings from it, exact (before crediting rounds toward zero).
   */
  creator_earnings: string;
  /**
   * Its part of the earnings credited ([`RoundingPoint::CreatorCash`], cumulatively: the
   * credited total rounded after each spend, less the one before), so the spends add up to
   * what the creator is credited.
   */
  creator_credited: Money;
}
/**
 * Unspent coins.
 */
export interface Unspent {
  /**
   * Coins.
   */
  coins: number;
  /**
   * What they cost the viewer.
   */
  cost: Money;
}
/**
 * The creator's side of the answer.
 */
export interface CreatorOut {
  /**
   * Diamonds received (0 under a share-of-net model).
   */
  diamonds: number;
  /**
   * What the platform calls them.
   */
  diamond_name: string;
  /**
   * Exact value of the earnings.
   */
  earnings_exact: string;
  /**
   * Earnings credited (rounded toward zero).
   */
  earnings: Money;
  /**
   * Agency cut.
   */
  agency: Money;
  /**
   * What the creator keeps.
   */
  keeps: Money;
  /**
   * `keeps` as a percentage of what the viewer pays (2 decimals).
   */
  percent_of_viewer_pays?: string | null;
}
/**
 * The cash-out of one balance.
 */
export interface PayoutPlan {
  /**
   * Balance available, in whole minor units.
   */
  balance: Money;
  /**
   * The card's minimum withdrawal.
   */
  minimum: Money;
  /**
   * The card's daily cap, if any.
   */
  daily_cap?: Money | null;
  /**
   * True when at least one withdrawal is possible now.
   */
  can_withdraw: boolean;
  /**
   * How much more is needed before the first withdrawal (zero when one is possible).
   */
  shortfall: Money;
  /**
   * The withdrawals, grouped by amount.
   */
  withdrawals: Withdrawals[];
  /**
   * Sum of all withdrawal fees.
   */
  total_fees: Money;
  /**
   * Sum of everything that arrives.
   */
  total_received: Money;
  /**
   * What stays in the balance (below the minimum).
   */
  remaining: Money;
  /**
   * Day the last money arrives, if any is withdrawn.
   */
  last_arrival_day?: number | null;
}
/**
 * Withdrawals of the same amount on consecutive days.
 */
export interface Withdrawals {
  /**
   * Day of the first request.
   */
  first_day: number;
  /**
   * Number of withdrawals (one per day).
   */
  count: number;
  /**
   * Amount of each.
   */
  amount: Money;
  /**
   * Fee on each.
   */
  fee: Money;
  /**
   * What arrives from each.
   */
  received: Money;
  /**
   * Day the first arrives.
   */
  first_arrival_day: number;
  /**
   * Day the last arrives.
   */
  last_arrival_day: number;
}
/**
 * The same question on another channel of the platform.
 */
export interface ChannelAnswer {
  /**
   * The other channel's card.
   */
  rate_card: RateCardRef;
  /**
   * Coins received there.
   */
  coins: number;
  /**
   * What the viewer pays there.
   */
  viewer_pays: Money;
  /**
   * Price per coin there.
   */
  price_per_coin?: string | null;
  /**
   * Leftover coins there.
   */
  leftover_coins: number;
  /**
   * What the creator keeps there.
   */
  creator_keeps: Money;
  /**
   * `viewer_pays` there minus here (negative: cheaper there).
   */
  difference: Money;
}
/**
 * A simpler purchase than the cheapest: fewer purchases for a little more.
 */
export interface Simplest {
  /**
   * Coins received.
   */
  coins: number;
  /**
   * Coins bought beyond what was needed.
   */
  leftover_coins: number;
  /**
   * Listed price of all purchases.
   */
  price: Money;
  /**
   * What the viewer pays.
   */
  viewer_pays: Money;
  /**
   * Number of purchases.
   */
  purchase_count: number;
  /**
   * The purchases, in the order they are made.
   */
  lines: PurchaseLine[];
  /**
   * What it costs beyond the cheapest purchase (`viewer_pays` minus the cheapest's).
   */
  costs_more: Money;
  /**
   * Purchases fewer than the cheapest purchase needs.
   */
  fewer_purchases: number;
  /**
   * What the creator keeps this way (the same gifts: the same, unless leftover coins differ
   * in what they cost).
   */
  creator_keeps: Money;
}
/**
 * The `quote` answer.
 */
export interface QuoteResponse {
  /**
   * The rate card used.
   */
  rate_card: RateCardRef;
  /**
   * The question, as understood.
   */
  question: QuestionOut;
  /**
   * Coins the question needs (before bundle rounding).
   */
  coins_needed: number;
  /**
   * The cheapest purchase.
   */
  purchase: Purchase;
  /**
   * What each gift (or the coins) really cost, first-in-first-out.
   */
  spent: SpendResult[];
  /**
   * Coins left over after the gifts, and what they cost.
   */
  unspent: Unspent;
  /**
   * The creator's earnings.
   */
  creator: CreatorOut;
  /**
   * When the creator's earnings become cash.
   */
  payout: PayoutPlan;
  /**
   * Where every cent goes; the amounts add up to `purchase.viewer_pays`.
   */
  flow: FlowEntry[];
  /**
   * The same question on the platform's other channels in the same currency, cheapest first.
   */
  channels: ChannelAnswer[];
  /**
   * The fewest purchases (at most 12) within `simplest_within` of the cheapest price, when
   * that is fewer purchases than `purchase`; absent for `spend` questions.
   */
  simplest?: Simplest | null;
  /**
   * The purchase (event 0) and its gifts (event 1) checked against the spending rules, when
   * `rule_set` and `person` are given.
   */
  spending_check?: PlanResponse | null;
}
/**
 * What was simulated.
 */
export interface ScenarioOut {
  /**
   * The channels' cards.
   */
  rate_cards: RateCardRef[];
  /**
   * The rules.
   */
  rule_set: RuleSetRef;
  /**
   * Currency of every amount.
   */
  currency: Currency;
  /**
   * Viewers.
   */
  viewers: number;
  /**
   * Creators.
   */
  creators: number;
  /**
   * Days.
   */
  days: number;
  /**
   * Runs.
   */
  runs: number;
  /**
   * Seed.
   */
  seed: number;
  /**
   * Price multiplier applied to every card.
   */
  price_multiplier: string;
  /**
   * Elasticity.
   */
  elasticity: string;
  /**
   * The viewers the simulated ones stand for, when the scenario scales up.
   */
  scale?: ScaleOut | null;
}
/**
 * How a scenario's sample is scaled up to the population it stands for.
 */
export interface ScaleOut {
  /**
   * Viewers the sample stands for.
   */
  represents: number;
  /**
   * Creators they stand for (the simulated creators scaled alike).
   */
  creators: number;
  /**
   * Each simulated viewer stands for this many.
   */
  factor: string;
  /**
   * The error the sample adds, in words.
   */
  note: string;
}
/**
 * One age group over runs.
 */
export interface AgeGroupOut {
  /**
   * Id.
   */
  id: string;
  /**
   * Youngest age.
   */
  min_age: number;
  /**
   * First age past it.
   */
  max_age: number;
  /**
   * Viewers.
   */
  viewers: CountStat;
  /**
   * Viewers with a budget.
   */
  spenders: CountStat;
  /**
   * Viewers who bought at least once.
   */
  payers: CountStat;
  /**
   * Money paid.
   */
  spend: MoneyStat;
  /**
   * Money of blocked purchases.
   */
  blocked_spend: MoneyStat;
  /**
   * Value of blocked gifts.
   */
  blocked_gifts: MoneyStat;
  /**
   * Events that warned.
   */
  warnings: CountStat;
}
/**
 * A count metric over runs.
 */
export interface CountStat {
  /**
   * 5th percentile.
   */
  p5: number;
  /**
   * Median.
   */
  p50: number;
  /**
   * 95th percentile.
   */
  p95: number;
  /**
   * Mean with two decimals.
   */
  mean: string;
}
/**
 * A money metric over runs.
 */
export interface MoneyStat {
  /**
   * 5th percentile.
   */
  p5: Money;
  /**
   * Median.
   */
  p50: Money;
  /**
   * 95th percentile.
   */
  p95: Money;
  /**
   * Mean, rounded half away from zero.
   */
  mean: Money;
}
/**
 * One segment over runs.
 */
export interface SegmentOut {
  /**
   * The segment's id.
   */
  segment: string;
  /**
   * Viewers.
   */
  viewers: CountStat;
  /**
   * Viewers who bought at least once.
   */
  payers: CountStat;
  /**
   * Purchases.
   */
  purchases: CountStat;
  /**
   * Money paid.
   */
  spend: MoneyStat;
  /**
   * Its share of what all viewers paid.
   */
  revenue_share: RatioStat;
}
/**
 * A ratio metric over runs, with 6 decimals.
 */
export interface RatioStat {
  /**
   * 5th percentile.
   */
  p5: string;
  /**
   * Median.
   */
  p50: string;
  /**
   * 95th percentile.
   */
  p95: string;
  /**
   * Mean, rounded half away from zero.
   */
  mean: string;
}
/**
 * One purchase (a bundle or a channel's custom amount) over runs.
 */
export interface PurchaseOut {
  /**
   * The channel's rate card.
   */
  rate_card: string;
  /**
   * `1321 coins` for a bundle, or `custom amount`.
   */
  purchase: string;
  /**
   * Coins of a bundle (absent for the custom amount).
   */
  coins?: number | null;
  /**
   * Times bought.
   */
  purchases: CountStat;
  /**
   * Money paid.
   */
  spend: MoneyStat;
  /**
   * Its share of what all viewers paid.
   */
  revenue_share: RatioStat;
}
/**
 * One day over runs.
 */
export interface DayOut {
  /**
   * Day number from 0.
   */
  day: number;
  /**
   * The date.
   */
  date: string;
  /**
   * Money paid.
   */
  spend: MoneyStat;
  /**
   * Value of gifts sent.
   */
  gifted: MoneyStat;
  /**
   * Money of blocked purchases and gifts.
   */
  blocked: MoneyStat;
  /**
   * Events that warned.
   */
  warnings: CountStat;
}
/**
 * The metrics of one run, as the answer gives them.
 */
export interface RunMetrics {
  /**
   * Run number.
   */
  run: number;
  /**
   * Money metrics by name.
   */
  money: {
    [k: string]: Money | undefined;
  };
  /**
   * Count metrics by name.
   */
  counts: {
    [k: string]: number | undefined;
  };
  /**
   * Ratio metrics by name ([`RoundingPoint::Ratio`]: 6 decimals).
   */
  ratios: {
    [k: string]: string | undefined;
  };
  /**
   * The uncertain parameters' values this run drew.
   */
  inputs?: {
    [k: string]: string | undefined;
  };
}
/**
 * The `simulate` answer.
 */
export interface SimulateResponse {
  /**
   * What was simulated.
   */
  scenario: ScenarioOut;
  /**
   * Totals: P5, P50, P95 and mean over runs.
   */
  totals: TotalsOut;
  /**
   * By age group.
   */
  by_age: AgeGroupOut[];
  /**
   * By segment.
   */
  by_segment: SegmentOut[];
  /**
   * By purchase: every bundle and custom amount of every channel.
   */
  by_purchase: PurchaseOut[];
  /**
   * By day.
   */
  by_day: DayOut[];
  /**
   * Every run's totals (they reconcile to the cent).
   */
  runs: RunMetrics[];
}
/**
 * One parameter and the values it takes.
 */
export interface Axis {
  /**
   * `price_multiplier`, `elasticity`, `creator_share`, `diamond_value`, `store_fee_rate`,
   * `payment_fee_rate`, `cap_multiplier`, `guardian_approval_rate`, or `cap:BRACKET/CAP`
   * (one cap's limit, e.g. `cap:16-to-17/monthly`), `price_multiplier:CARD` (one channel's
   * prices), `bundle:CARD/COINS/price` or `bundle:CARD/COINS/coins` (one bundle).
   */
  parameter: string;
  /**
   * Values, as decimal strings.
   */
  values: string[];
}
/**
 * A named set of parameter changes.
 */
export interface Variant {
  /**
   * Name shown in the row.
   */
  name: string;
  /**
   * Parameter → value, as in a grid.
   */
  changes: {
    [k: string]: string | undefined;
  };
}
/**
 * The `sweep` request.
 */
export interface SweepRequest {
  /**
   * The scenario every point starts from.
   */
  base: ScenarioInput;
  /**
   * Parameters and their values; every combination is a row.
   */
  grid?: Axis[];
  /**
   * Or named variants, each compared with the base (an A/B test is one variant).
   */
  variants?: Variant[];
}
/**
 * One point of the sweep.
 */
export interface SweepRow {
  /**
   * Name (a variant's, or the parameter values joined).
   */
  name: string;
  /**
   * Parameter values of this point.
   */
  point: {
    [k: string]: string | undefined;
  };
  /**
   * Totals over runs.
   */
  totals: TotalsOut;
  /**
   * Differences from the base.
   */
  vs_base: Difference[];
  /**
   * Differences from the base in each age group: every metric but what creators are paid
   * ([`simulate::CREATOR_METRICS`]).
   */
  vs_base_by_age: GroupDifferences[];
  /**
   * Differences from the base in each segment: every metric but what creators are paid.
   */
  vs_base_by_segment: GroupDifferences[];
}
/**
 * How a metric of a point differs from the base, run by run.
 */
export interface Difference {
  /**
   * Metric name.
   */
  metric: string;
  /**
   * `money`, `count` or `ratio`.
   */
  unit: string;
  /**
   * The base's median.
   */
  base: string;
  /**
   * This point's median.
   */
  value: string;
  /**
   * Mean of the per-run differences (point − base).
   */
  mean_difference: string;
  /**
   * 5th percentile of the per-run differences.
   */
  difference_p5: string;
  /**
   * 95th percentile of the per-run differences.
   */
  difference_p95: string;
  /**
   * Relative change of the mean, in percent ([`RoundingPoint::Percent`]: rounded half away
   * from zero to 2 decimals), when the base is not zero.
   */
  percent?: string | null;
  /**
   * Two-sided p-value of the mean difference under the simulation's own sampling noise:
   * Student's t on the paired per-run differences, with runs − 1 degrees of freedom (6
   * decimals; absent with fewer than [`MIN_RUNS_TO_JUDGE`] runs).
   */
  p_value?: string | null;
  /**
   * True when the difference stands out from the simulation's noise at 5 % after Holm's
   * correction over the metrics compared together ([`SIGNIFICANCE`]).
   */
  significant: boolean;
  /**
   * `higher`, `lower`, `no clear difference`, or `too few runs to judge`.
   */
  judgement: string;
}
/**
 * How one age group or segment of a point differs from the base, run by run.
 */
export interface GroupDifferences {
  /**
   * The age group's or segment's id.
   */
  group: string;
  /**
   * One per metric.
   */
  differences: Difference[];
}
/**
 * The `sweep` answer.
 */
export interface SweepResponse {
  /**
   * The parameters varied.
   */
  parameters: string[];
  /**
   * The base scenario's totals.
   */
  base: TotalsOut;
  /**
   * One row per point.
   */
  rows: SweepRow[];
  /**
   * What a row's `significant` and `judgement` mean: the simulation's own noise, the test
   * and its correction ([`stats::SIGNIFICANCE`]).
   */
  significance: string;
}

/** What every function throws: a JS `Error` whose `message` is the engine's sentence. */
export interface GiftsimError extends Error {
  name: "GiftsimError";
  /** Stable machine code, e.g. `"unknown_gift"`. */
  code: ErrorCode;
  /** JSON path of the offending field, e.g. `"gifts[0].gift"`; empty for the whole input. */
  path: string;
}
