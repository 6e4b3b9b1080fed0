# The types of giftsim's requests and answers, generated from docs/schema/*.json by
# scripts/python-types.py (`make types`); do not edit. Money is a decimal string throughout.

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import NotRequired, TypeAlias, TypedDict

Channel: TypeAlias = Literal['web', 'ios', 'android', 'desktop', 'mobile', 'other']
"""
Where coins are bought. Prices differ by channel because app stores take a fee.
"""


class BundleInput(TypedDict, closed=True):
    """
    A bundle as written: coins, bonus coins, price.
    """

    coins: int
    """
    Coins the bundle is sold as.
    """
    bonus_coins: NotRequired[int]
    """
    Extra coins given with it.
    """
    price: str
    """
    Listed price, a decimal string.
    """
    max_purchases: NotRequired[int | None]
    """
    At most this many of the bundle in one purchase answer (1 to 8): a first-purchase or
    limited offer. Absent: as many as wanted.
    """


class CustomAmountInput(TypedDict, closed=True):
    """
    A custom-amount rule as written.
    """

    price_per_coin: str
    """
    Price of one coin, a decimal string (may be finer than a cent).
    """
    step_coins: NotRequired[int]
    """
    Coins are bought in multiples of this step (default 1).
    """
    min_coins: int
    """
    Fewest coins one custom purchase may give.
    """
    max_coins: int
    """
    Most coins one custom purchase may give.
    """


TaxMode: TypeAlias = Literal['none', 'inclusive', 'on_top']
"""
How tax relates to the listed price.
"""


class FeeInput(TypedDict, closed=True):
    """
    A fee as written: a rate of the amount plus a fixed part.
    """

    rate: NotRequired[str]
    """
    Fraction of the amount (`"0.03"`).
    """
    fixed: NotRequired[str]
    """
    Fixed amount per transaction.
    """


CreatorModel: TypeAlias = Literal['per_diamond', 'share_of_net']
"""
How the creator's earnings are computed.
"""


AgencyPayer: TypeAlias = Literal['platform', 'creator']
"""
Who pays the agency.
"""


class PayoutInput(TypedDict, closed=True):
    """
    Withdrawal terms as written.
    """

    minimum: NotRequired[str]
    """
    Smallest balance that can be withdrawn.
    """
    daily_cap: NotRequired[str | None]
    """
    Most that can be withdrawn per calendar day.
    """
    fee: NotRequired[FeeInput]
    """
    Fee on each withdrawal.
    """
    delay_days: NotRequired[int]
    """
    Days from a withdrawal request to the money arriving.
    """


class GiftInput(TypedDict, closed=True):
    """
    A gift as written in input: id, display name, price in coins.
    """

    id: str
    """
    Lower-kebab-case id (`finger-heart`).
    """
    name: str
    """
    Name as the app shows it.
    """
    coins: int
    """
    Price in coins.
    """


Confidence: TypeAlias = Literal['H', 'M', 'L']
"""
How much a source can be trusted, as graded in `research/economy-facts.md`.
"""


Currency: TypeAlias = Literal[
    'AED',
    'ARS',
    'AUD',
    'BHD',
    'BRL',
    'CAD',
    'CHF',
    'CLP',
    'CNY',
    'COP',
    'CZK',
    'DKK',
    'EGP',
    'EUR',
    'GBP',
    'HKD',
    'HUF',
    'IDR',
    'ILS',
    'INR',
    'ISK',
    'JOD',
    'JPY',
    'KRW',
    'KWD',
    'MXN',
    'MYR',
    'NGN',
    'NOK',
    'NZD',
    'OMR',
    'PHP',
    'PKR',
    'PLN',
    'RON',
    'SAR',
    'SEK',
    'SGD',
    'THB',
    'TRY',
    'TWD',
    'UAH',
    'USD',
    'VND',
    'ZAR',
]
"""
ISO 4217 currency code
"""


Money: TypeAlias = str
"""
An amount as a decimal string with the currency's minor-unit digits, e.g. "12.99"
"""


class AuditLine(TypedDict):
    """
    A line of the cheapest purchase.
    """

    coins: int
    """
    Coins per purchase (bonus included).
    """
    price: Money
    """
    Listed price per purchase.
    """
    count: int
    """
    Purchases.
    """
    custom: bool
    """
    True for a custom amount.
    """


class LadderBreak(TypedDict):
    """
    A pack that costs more per coin than a smaller one.
    """

    smaller: int
    """
    The smaller pack's coins.
    """
    larger: int
    """
    The larger pack's coins, dearer per coin.
    """
    smaller_price_per_coin: str
    """
    The smaller pack's price per coin (6 decimals).
    """
    larger_price_per_coin: str
    """
    The larger pack's price per coin (6 decimals).
    """


class BestValue(TypedDict):
    """
    The best-value offer.
    """

    coins: int
    """
    Coins (bonus included; for a custom amount, one step).
    """
    price: Money
    """
    Listed price.
    """
    price_per_coin: str
    """
    Price per coin (6 decimals).
    """
    custom: bool
    """
    True for the custom amount.
    """


class LimitedOffer(TypedDict):
    """
    A limited offer.
    """

    coins: int
    """
    Coins (bonus included).
    """
    price: Money
    """
    Listed price.
    """
    price_per_coin: str
    """
    Price per coin (6 decimals).
    """
    max_purchases: int
    """
    Most purchases of it.
    """


class Layer(TypedDict):
    """
    One layer between the viewer's money and the creator's cash.
    """

    name: str
    """
    What it is called (`USD`, `Coins`, `Diamonds`).
    """
    held_by: str
    """
    Who holds it.
    """
    purchasable: bool
    """
    Whether a viewer can buy it with money.
    """


class Finding(TypedDict):
    """
    A finding of the audit.
    """

    code: str
    """
    Stable code: `forced_leftover`, `ladder_not_monotone`, `currency_layers`,
    `exact_amount_buyable`, `overspend`.
    """
    level: str
    """
    `warn` for what a regulator's principle questions, `info` otherwise.
    """
    message: str
    """
    A sentence a person understands.
    """
    principle: str
    """
    The principle it serves.
    """


Status: TypeAlias = Literal[
    'in_force',
    'not_yet_applicable',
    'enjoined',
    'draft',
    'withdrawn',
    'guidance',
    'self_regulation',
    'platform_policy',
]
"""
What a rule set is, legally, from a date on.
"""


StatusInput = TypedDict(
    'StatusInput',
    {
        'status': Status,
        'from': str,
        'note': NotRequired[str | None],
    },
    closed=True,
)


class MinAge(TypedDict):
    """
    Minimum ages, resolved.
    """

    buy: int
    """
    To buy.
    """
    gift: int
    """
    To gift.
    """
    receive: int
    """
    To receive.
    """


Action: TypeAlias = Literal['buy', 'gift']
"""
What a rule applies to.
"""


WindowKind: TypeAlias = Literal[
    'transaction',
    'calendar_day',
    'calendar_week',
    'calendar_month',
    'rolling_24h',
    'rolling_7d',
    'rolling_30d',
]
"""
The span a cap counts over.
"""


Enforcement: TypeAlias = Literal['hard', 'soft']
"""
Whether breaking a rule blocks the event or only warns.
"""


class MinAgeInput(TypedDict, closed=True):
    """
    Minimum ages as written; an absent age means no minimum (or, in a region, no override).
    """

    buy: NotRequired[int | None]
    """
    Minimum age to buy coins.
    """
    gift: NotRequired[int | None]
    """
    Minimum age to send gifts.
    """
    receive: NotRequired[int | None]
    """
    Minimum age to receive gifts (go LIVE as a creator).
    """


class RegionInput(TypedDict, closed=True):
    """
    A regional exception as written.
    """

    region: str
    """
    ISO 3166-1 alpha-2 code (`KR`).
    """
    min_age: MinAgeInput
    """
    Minimum ages that replace the rule set's in this region.
    """


class CapInput(TypedDict, closed=True):
    """
    A cap as written.
    """

    id: str
    """
    Lower-kebab-case id, named in verdicts.
    """
    action: Action
    """
    What it limits.
    """
    window: WindowKind
    """
    Per transaction, or per calendar or rolling window.
    """
    limit: str
    """
    Most money allowed, in the rule set's currency.
    """
    enforcement: NotRequired[Enforcement]
    """
    Block (`hard`, default) or warn (`soft`).
    """


class AgeGroupInput(TypedDict, closed=True):
    """
    An age group of the population: `min_age ≤ age < max_age`.
    """

    id: NotRequired[str | None]
    """
    Lower-kebab-case id used in the results (default `13-to-15` from the ages).
    """
    min_age: int
    """
    Youngest age.
    """
    max_age: int
    """
    First age past the group.
    """
    share: str
    """
    Share of viewers; the shares add up to 1.
    """


BudgetDistribution: TypeAlias = Literal['fixed', 'uniform', 'lognormal', 'pareto']
"""
How a segment's monthly budget is distributed.
"""


class GiftChoiceInput(TypedDict, closed=True):
    """
    A gift a segment sends, and how often relative to its other gifts.
    """

    gift: NotRequired[str | None]
    """
    A gift id from the cards' catalogues.
    """
    coins: NotRequired[int | None]
    """
    Or a plain number of coins (a cheer of Bits, a Super Chat in cents).
    """
    weight: int
    """
    Relative weight.
    """


class SpreadInput(TypedDict, closed=True):
    """
    A lognormal distribution of an amount of money per viewer: half the viewers are above
    `median`, and `sigma` is the standard deviation of its logarithm.
    """

    median: str
    """
    The median, a decimal amount in the scenario's currency (may be finer than a cent:
    `"0.0125"` per coin).
    """
    sigma: NotRequired[str]
    """
    Standard deviation of the logarithm (default 0.5; 0 gives everyone the median).
    """


class CreatorsInput(TypedDict, closed=True):
    """
    How many creators receive gifts, and how unequal their popularity is.
    """

    count: int
    """
    Number of creators.
    """
    zipf_exponent: NotRequired[str]
    """
    Zipf exponent of popularity: creator `k` is chosen with weight `1 / k^s` (default 1).
    """


class AgeMisreportInput(TypedDict, closed=True):
    """
    Viewers who state an older age than theirs: the rules see the stated age, the budget and
    the segment follow the real one.
    """

    share: str
    """
    Share of viewers younger than `stated_age` who state it.
    """
    stated_age: int
    """
    The age they state (18, say).
    """


Distribution: TypeAlias = Literal['normal', 'uniform']
"""
The distribution of an uncertain parameter.
"""


class FreeInput(TypedDict, closed=True):
    """
    A free parameter as JSON writes it.
    """

    parameter: str
    """
    `segment:ID/FIELD` with FIELD one of `share`, `budget.median`, `budget.sigma`,
    `budget.min`, `budget.max`, `budget.alpha`, `budget.amount`, `value_per_coin.median`,
    `value_per_coin.sigma`, `switching_cost.median`, `switching_cost.sigma`,
    `active_days_per_week`, `gifts_per_active_day`, `top_up`; or `elasticity`,
    `creators.zipf_exponent`. A segment's `share` is taken from (or given to) the first
    segment without a budget, so the shares still add up to 1.
    """
    min: str
    """
    Smallest value, a decimal string.
    """
    max: str
    """
    Largest value.
    """


class TargetInput(TypedDict, closed=True):
    """
    A target as JSON writes it.
    """

    metric: str
    """
    A metric of `simulate` (`payer_share`, `arppu`, `top_10pct_revenue_share`, …),
    `revenue_share` (of a `segment` or a `purchase`), or `daily_revenue` or
    `monthly_revenue` (a profile).
    """
    value: NotRequired[str | None]
    """
    The value to reach, a decimal string (money in the scenario's currency).
    """
    values: NotRequired[list[str]]
    """
    `daily_revenue` (`monthly_revenue`): what viewers pay on each day (in each calendar
    month) of the scenario, one value per day (per month, a partial month included).
    """
    tolerance: NotRequired[str]
    """
    Relative tolerance: the target is met within `tolerance × value` (default 0.05).
    """
    segment: NotRequired[str | None]
    """
    Of this segment only: `revenue_share` (of what all viewers paid), `spend`, or any metric
    but what creators are paid (`arppu`, `payer_share`, …).
    """
    purchase: NotRequired[str | None]
    """
    `revenue_share`: of the purchases with this many coins (`1321 coins`) on every channel,
    or `custom amount`.
    """


class FittedOut(TypedDict):
    """
    A fitted parameter.
    """

    parameter: str
    """
    The parameter.
    """
    value: str
    """
    Its fitted value, as the scenario writes it.
    """
    start: str
    """
    Where the search started.
    """
    min: str
    """
    The range searched.
    """
    max: str
    """
    The range searched.
    """
    estimate: bool
    """
    Always true: a fitted value is an estimate, not a published figure.
    """


class TargetOut(TypedDict):
    """
    One target and what the fitted scenario achieved.
    """

    metric: str
    """
    The metric.
    """
    segment: NotRequired[str | None]
    """
    Its segment, if any.
    """
    purchase: NotRequired[str | None]
    """
    Its purchase, if any.
    """
    target: str
    """
    The value to reach (a profile's values joined by commas).
    """
    achieved: str
    """
    What the fitted scenario gives (mean over runs; a profile's values joined).
    """
    tolerance: str
    """
    Relative tolerance.
    """
    met: bool
    """
    True when within the tolerance (every day of a profile, on average).
    """


class TargetSet(TypedDict):
    """
    A shipped target set: published figures, with their source.
    """

    id: str
    """
    Id (`swrve-2016-f2p`).
    """
    name: str
    """
    What it describes.
    """
    source: str
    """
    The source.
    """
    as_of: str
    """
    The source's date.
    """
    note: str
    """
    How the published figures become targets.
    """


Recipient: TypeAlias = Literal[
    'tax', 'store_fee', 'payment_fee', 'creator', 'agency', 'platform', 'unspent_coins'
]
"""
Who receives a part of the viewer's money.
"""


ErrorCode: TypeAlias = Literal[
    'invalid_json',
    'missing_field',
    'unknown_field',
    'invalid_type',
    'invalid_value',
    'invalid_decimal',
    'out_of_range',
    'unknown_preset',
    'unknown_gift',
    'unknown_currency',
    'unknown_region',
    'currency_mismatch',
    'conflicting_fields',
    'duplicate',
    'overflow',
    'too_large',
    'no_solution',
    'io',
    'cancelled',
    'time_zone_not_loaded',
]
"""
A stable, machine-readable error code. Codes never change meaning once shipped.
"""


Scalar: TypeAlias = str | float


class SendGift(TypedDict):
    """
    One gift sent.
    """

    Date: str
    """
    `YYYY-MM-DD HH:MM:SS`, in no stated time zone.
    """
    GiftAmount: Scalar
    """
    Coins the gift cost (probably: TikTok documents none).
    """
    UserName: NotRequired[str | None]
    """
    Who received it.
    """


class ProfileMap(TypedDict):
    """
    The profile fields read.
    """

    birthDate: NotRequired[str | None]
    """
    `01-Feb-2011` or `Feb-01-2011`.
    """


class Doc(TypedDict):
    """
    A Play catalogue item.
    """

    title: NotRequired[str | None]
    """
    Its title (`"TikTok Coins"`).
    """


class LineItem(TypedDict):
    """
    One line of an order.
    """

    doc: NotRequired[Doc | None]
    """
    What was bought.
    """


class PersonInput(TypedDict, closed=True):
    """
    The person the plan is for.
    """

    age: NotRequired[int | None]
    """
    Age in whole years, the same on every date (give this or `birth_date`).
    """
    birth_date: NotRequired[str | None]
    """
    Date of birth, `YYYY-MM-DD`: the age is then counted on each event's date, and the
    rules for that age apply (an imported history spanning a birthday).
    """
    region: NotRequired[str | None]
    """
    ISO 3166-1 alpha-2 country (`KR`) or ISO 3166-2 US state (`US-TX`), for regional
    rules; `"rule_set": "auto"` needs it.
    """
    time_zone: NotRequired[str | None]
    """
    Time zone for calendar windows: an IANA name (`Europe/Athens`), `UTC`, an offset
    (`+08:00`) or a POSIX rule (default: the rule set's, else UTC).
    """
    guardian_approved: NotRequired[bool]
    """
    A guardian approved every purchase in advance.
    """


class BuyInput(TypedDict, closed=True):
    """
    A purchase of coins: an amount of money, or a number of coins priced on the rate card.
    """

    amount: NotRequired[str | None]
    """
    Money spent, a decimal string. With a rate card it buys the most coins it can at the
    card's prices, after conversion at the stated exchange rate if it is in another currency.
    """
    currency: NotRequired[str | None]
    """
    Currency of `amount` (default: the rate card's, else the rule set's).
    """
    coins: NotRequired[int | None]
    """
    Coins bought at the rate card's cheapest mix (needs a rate card); with `amount` too, a
    purchase whose coins and price are both known (an imported history's).
    """


class GiftEventInput(TypedDict, closed=True):
    """
    A gift from the rate card's catalogue, or a tip of an amount of money.
    """

    gift: NotRequired[str | None]
    """
    Gift id (needs a rate card; its coins come from earlier purchases, first in first out).
    """
    count: NotRequired[int | None]
    """
    How many of the gift (default 1).
    """
    coins: NotRequired[int | None]
    """
    Coins sent as gifts that are not named (an imported history's), instead of `gift`;
    valued like a catalogue gift.
    """
    amount: NotRequired[str | None]
    """
    A tip of this much money instead of a catalogue gift.
    """
    currency: NotRequired[str | None]
    """
    Currency of `amount` (default: the rate card's, else the rule set's).
    """


Every: TypeAlias = Literal['day', 'week', 'month']
"""
How often an event repeats.
"""


PriceUnit = TypedDict(
    'PriceUnit',
    {
        'unit': str,
        'from': str,
    },
)


Basis: TypeAlias = Literal['invoice', 'export', 'estimate']
"""
Where an event's money comes from.
"""


class ImportTotals(TypedDict):
    """
    Counts over the records read.
    """

    purchases: int
    """
    Coin purchases.
    """
    gifts: int
    """
    Gifts sent.
    """
    coins_bought: int
    """
    Coins bought, where known.
    """
    coins_sent: int
    """
    Coins sent as gifts.
    """
    from_invoices: int
    """
    Purchases priced by a Google Play invoice.
    """
    from_export: int
    """
    Purchases priced by the export's own amount.
    """
    estimated: int
    """
    Purchases priced by the rate card (estimates).
    """
    refunded: int
    """
    Purchases refunded in part or whole.
    """
    skipped: int
    """
    Records with a zero amount, left out.
    """
    unmatched_invoices: int
    """
    Google Play invoices for coins no TikTok record matched.
    """


class VariableInput(TypedDict, closed=True):
    """
    A decision variable as JSON writes it.
    """

    parameter: str
    """
    Any parameter a sweep takes: `price_multiplier`, `price_multiplier:CARD`,
    `bundle:CARD/COINS/price`, `bundle:CARD/COINS/coins`, `cap:BRACKET/CAP`,
    `cap_multiplier`, `creator_share`, …
    """
    min: NotRequired[str | None]
    """
    Smallest value, a decimal string (with `max` and `step` or `price_points`).
    """
    max: NotRequired[str | None]
    """
    Largest value.
    """
    step: NotRequired[str | None]
    """
    Distance between values tried.
    """
    price_points: NotRequired[str | None]
    """
    A bundle's price: only the store's price points from `min` to `max` (`apple-us`,
    `google-play-us`).
    """
    values: NotRequired[list[str]]
    """
    Or exactly these values (checked against `price_points` when given).
    """


Goal: TypeAlias = Literal['maximize', 'minimize']
"""
Which way the objective should go.
"""


class ConstraintInput(TypedDict, closed=True):
    """
    A constraint as JSON writes it: a `metric` with `at_most` or `at_least`, or
    `price_per_coin: "falls"`, or `reachable_gifts`.
    """

    metric: NotRequired[str | None]
    """
    Any metric of `simulate` (`blocked_spend`, `creator_payouts`, `payer_share`, …).
    """
    age_group: NotRequired[str | None]
    """
    Of this age group only (its id, e.g. `16-to-17`): any metric but what creators are paid.
    """
    segment: NotRequired[str | None]
    """
    Of this segment only.
    """
    at_most: NotRequired[str | None]
    """
    The metric's mean over runs is at most this (money in the scenario's currency).
    """
    at_least: NotRequired[str | None]
    """
    Or at least this.
    """
    price_per_coin: NotRequired[str | None]
    """
    `falls`: on every channel, each larger bundle gives coins at no higher a price per coin.
    """
    reachable_gifts: NotRequired[list[str]]
    """
    Gifts (ids in the cards' catalogues) that, on every channel, some set of purchases buys
    exactly, without coins left over.
    """
    rate_card: NotRequired[str | None]
    """
    `price_per_coin` and `reachable_gifts`: only the channels on this rate card (default:
    every channel).
    """


class PriceLadder(TypedDict):
    """
    A store's price points in one currency, with where they come from.
    """

    id: str
    """
    Id (`apple-us`, `google-play-us`).
    """
    name: str
    """
    What it is.
    """
    currency: Currency
    """
    Its currency.
    """
    min: Money
    """
    Lowest price point.
    """
    max: Money
    """
    Highest price point.
    """
    source: str
    """
    Where the steps come from.
    """
    as_of: str
    """
    When the source states them (or when we read an undated source).
    """
    confidence: Confidence
    """
    How far the source can be trusted.
    """
    estimate: bool
    """
    True: the points themselves are our reading of the source's steps.
    """
    method: str
    """
    How the points were made from the source.
    """


class ObjectiveOut(TypedDict):
    """
    The objective over runs.
    """

    mean: str
    """
    Mean over runs (what the search ranks by).
    """
    p5: str
    """
    5th percentile over runs.
    """
    p50: str
    """
    Median.
    """
    p95: str
    """
    95th percentile.
    """


class Standing(TypedDict):
    """
    How a point stands against a constraint.
    """

    constraint: str
    """
    The constraint.
    """
    value: str
    """
    The value measured (a metric's mean over runs; the smallest fall in price per coin
    between neighbouring bundles, as a share; the gifts that cannot be bought exactly).
    """
    slack: str
    """
    How far inside the limit (negative: how far past it), in the metric's unit; for the
    other constraints, the same as `value` where met.
    """
    met: bool
    """
    True when satisfied.
    """


class MoneyMetric(TypedDict):
    """
    A money metric over runs.
    """

    metric: str
    """
    Metric name.
    """
    description: str
    """
    What it means.
    """
    p5: Money
    """
    5th percentile.
    """
    p50: Money
    """
    Median.
    """
    p95: Money
    """
    95th percentile.
    """
    mean: Money
    """
    Mean, rounded half away from zero.
    """


class CountMetric(TypedDict):
    """
    A count metric over runs.
    """

    metric: str
    """
    Metric name.
    """
    description: str
    """
    What it means.
    """
    p5: int
    """
    5th percentile.
    """
    p50: int
    """
    Median.
    """
    p95: int
    """
    95th percentile.
    """
    mean: str
    """
    Mean with two decimals.
    """


class RatioMetric(TypedDict):
    """
    A ratio metric over runs.
    """

    metric: str
    """
    Metric name.
    """
    description: str
    """
    What it means.
    """
    p5: str
    """
    5th percentile.
    """
    p50: str
    """
    Median.
    """
    p95: str
    """
    95th percentile.
    """
    mean: str
    """
    Mean, rounded half away from zero.
    """


class Evaluation(TypedDict):
    """
    A point of the search, for the chart.
    """

    values: list[str]
    """
    Each variable's value, in the order of `variables`.
    """
    objective: NotRequired[str | None]
    """
    The objective's mean over runs (absent when not simulated: a constraint on the
    cards failed, or the scenario was invalid).
    """
    feasible: bool
    """
    True when every constraint is met.
    """
    invalid: NotRequired[str | None]
    """
    Why the point could not be evaluated, if it could not.
    """


class RuleSetRef(TypedDict):
    """
    The rule set a result was computed with.
    """

    id: str
    """
    Id.
    """
    name: str
    """
    Name.
    """
    version: int
    """
    Revision.
    """
    as_of: NotRequired[str | None]
    """
    As-of date.
    """
    currency: Currency
    """
    Currency of its caps.
    """


class AppliedRuleSet(TypedDict):
    """
    A rule set `"auto"` considered, with its place and status history.
    """

    rule_set: RuleSetRef
    """
    The set.
    """
    jurisdiction: NotRequired[str | None]
    """
    Where it holds.
    """
    instrument: NotRequired[str | None]
    """
    The law, guideline or policy.
    """
    status: list[StatusInput]
    """
    Its dated status history.
    """
    events: int
    """
    Events it was applied to (those on dates its status applies).
    """
    applies_now: bool
    """
    Whether it applies at the moment "what can still be spent" is asked about (the last
    event, or `now`).
    """


class PersonOut(TypedDict):
    """
    The person as the rules see them.
    """

    age: int
    """
    Age (with a birth date, on the day asked about: the last event's or `now`).
    """
    birth_date: NotRequired[str | None]
    """
    Date of birth, when given.
    """
    region: NotRequired[str | None]
    """
    Region.
    """
    time_zone: str
    """
    Time zone used for calendar windows.
    """
    bracket: NotRequired[str | None]
    """
    The age bracket that applies, if any.
    """
    min_age: MinAge
    """
    The minimum ages that apply.
    """
    may_buy: bool
    """
    May buy coins.
    """
    may_gift: bool
    """
    May send gifts.
    """
    may_receive: bool
    """
    May receive gifts (go LIVE).
    """


class StatedRate(TypedDict):
    """
    A rate as the request stated it: `1 FROM = rate TO`.
    """

    pair: str
    """
    `FROM/TO`, as written (`USD/CNY`).
    """
    rate: str
    """
    How many TO one FROM is worth.
    """


Level: TypeAlias = Literal['ok', 'warn', 'block']
"""
How an event fares.
"""


class WindowOut(TypedDict):
    """
    A window in an answer, with its bounds in the person's time zone.
    """

    kind: WindowKind
    """
    Kind of window.
    """
    start: NotRequired[str | None]
    """
    Start (inclusive for calendar windows, exclusive for rolling ones).
    """
    end: NotRequired[str | None]
    """
    End (exclusive for calendar windows, inclusive for rolling ones).
    """


MessageCode: TypeAlias = Literal[
    'age_allowed',
    'age_below_minimum',
    'guardian_approval_required',
    'guardian_approved',
    'cooldown',
    'cooldown_passed',
    'within_cap',
    'transaction_cap_exceeded',
    'window_cap_exceeded',
    'soft_cap_exceeded',
    'threshold_reached',
    'not_enough_coins',
    'no_rules_apply',
]
"""
Why, as a stable code.
"""


class Check(TypedDict):
    """
    One rule checked against one event.
    """

    verdict: Level
    """
    What the rule says of the event.
    """
    rule_set: NotRequired[str | None]
    """
    The rule set the rule belongs to (absent for rules outside any set, such as holding
    enough coins).
    """
    rule: str
    """
    The rule: a cap id, `min-age`, `guardian-approval`, `cooldown` or `coins`.
    """
    window: NotRequired[WindowOut | None]
    """
    The window the rule counts over.
    """
    limit: NotRequired[Money | None]
    """
    The cap.
    """
    used: NotRequired[Money | None]
    """
    Used in the window, this event included unless it is blocked.
    """
    remaining: NotRequired[Money | None]
    """
    Left in the window (zero when passed).
    """
    code: MessageCode
    """
    Stable code.
    """
    message: str
    """
    A sentence a person understands.
    """
    details: NotRequired[dict[str, Any]]
    """
    The facts behind the message, for programs, by code: `age_below_minimum` has
    `minimum`; `cooldown` has `minutes` and `next_allowed_at`; `threshold_reached` has
    `threshold` (a fraction of the cap); `not_enough_coins` has `needed` and `held`.
    """


class PlanSummary(TypedDict):
    """
    Totals over the plan.
    """

    events: int
    """
    Events checked.
    """
    ok: int
    """
    Allowed without warning.
    """
    warn: int
    """
    Allowed with a warning.
    """
    block: int
    """
    Blocked.
    """
    bought: Money
    """
    Money spent on allowed purchases (on every purchase, when the events happened).
    """
    gifted: Money
    """
    Money value of allowed gifts and tips (of every one, when the events happened).
    """
    blocked: Money
    """
    Money of blocked events.
    """
    first_block: NotRequired[int | None]
    """
    Index of the first blocked event in time order, if any.
    """
    first_block_at: NotRequired[str | None]
    """
    When the first blocked event happens, in the person's time zone (a repeating event's
    occurrence is known by its time).
    """


class Headroom(TypedDict):
    """
    The most that can be spent at a moment without passing a rule.
    """

    amount: NotRequired[Money | None]
    """
    The amount, or `None` when no cap limits it.
    """
    rule_set: NotRequired[str | None]
    """
    The rule set of the rule that limits it.
    """
    limited_by: NotRequired[str | None]
    """
    The rule that limits it.
    """
    window: NotRequired[WindowOut | None]
    """
    The window of that rule.
    """
    next_allowed_at: NotRequired[str | None]
    """
    When a cooldown ends, if one is running.
    """
    needs_guardian_approval: bool
    """
    True when purchases also need a guardian's approval.
    """


class ObservedInput(TypedDict, closed=True):
    """
    Users counted in each arm of a running experiment.
    """

    control: int
    """
    Users in the control arm.
    """
    treatment: int
    """
    Users in the treatment arm.
    """
    treatment_share: NotRequired[str]
    """
    Share of users meant for treatment (default 0.5).
    """


class MetricPlan(TypedDict):
    """
    What an experiment can detect on one metric.
    """

    metric: str
    """
    `arpu` (revenue per user), `payer_share` (conversion) or `arppu` (revenue per payer).
    """
    description: str
    """
    What it is.
    """
    value: str
    """
    Its value in the scenario over the experiment's days (money, or a share).
    """
    mde_rise: NotRequired[str | None]
    """
    The smallest rise detected with the power wanted, relative (`0.0512` is 5.12 %);
    absent when no rise can be detected with these users.
    """
    mde_fall: NotRequired[str | None]
    """
    The smallest fall detected.
    """
    closed_form: NotRequired[str | None]
    """
    The normal approximation's minimum detectable effect, for comparison: with heavy-tailed
    revenue it is usually too optimistic.
    """
    effect: NotRequired[str | None]
    """
    The effect to detect: the one given, or the change's simulated effect.
    """
    power_at_effect: NotRequired[str | None]
    """
    The chance of detecting it with these users and days.
    """
    days_needed: NotRequired[int | None]
    """
    The fewest days (of those examined: each week up to `max_days`, and `days`) that detect
    it with the power wanted; absent when none does.
    """
    summary: str
    """
    The answer in a sentence.
    """


class DurationRow(TypedDict):
    """
    The smallest detectable rise of each metric after so many days.
    """

    days: int
    """
    Days of the experiment.
    """
    mde_rise: dict[str, str]
    """
    Metric → smallest rise detected (relative), absent when none is.
    """
    effect: dict[str, str]
    """
    Metric → the effect to detect after so many days, when there is one.
    """


class SampleRatioOut(TypedDict):
    """
    The sample-ratio check.
    """

    control: int
    """
    Users in control.
    """
    treatment: int
    """
    Users in treatment.
    """
    treatment_share: str
    """
    Share meant for treatment.
    """
    chi_square: str
    """
    Chi-square statistic (1 degree of freedom).
    """
    p_value: str
    """
    Its p-value.
    """
    mismatch: bool
    """
    True when p < 0.001: the split is not what was meant, and the results cannot be
    trusted until the cause is found.
    """
    summary: str
    """
    The answer in a sentence.
    """


class Boundary(TypedDict):
    """
    One look at the results under O'Brien–Fleming boundaries.
    """

    look: int
    """
    Look number, from 1.
    """
    day: int
    """
    Day of the experiment.
    """
    z: str
    """
    Stop for an effect only when |z| is above this.
    """
    p_value: str
    """
    The same as a two-sided p-value.
    """


class PresetsRequest(TypedDict, closed=True):
    """
    `presets` takes no input (an empty object is accepted)
    """


class Gift(TypedDict):
    """
    A validated gift.
    """

    id: str
    """
    Lower-kebab-case id.
    """
    name: str
    """
    Display name.
    """
    coins: int
    """
    Price in coins (at least 1).
    """


class RoundingRule(TypedDict):
    """
    A rounding point, for readers of the answers.
    """

    point: str
    """
    The point's name (`tax`, `creator_cash`, …).
    """
    applies_to: str
    """
    What is rounded there.
    """
    to: str
    """
    To what: the currency's minor unit, whole Diamonds, 2 or 6 decimals.
    """
    mode: str
    """
    How: `half away from zero`, `toward zero` or `up`.
    """


class TimeZones(TypedDict):
    """
    The time zones of the pinned IANA database.
    """

    database: str
    """
    The database's version (`2026f`).
    """
    zones: list[str]
    """
    Every zone name, links included, sorted without regard to case; none in a build without
    the database (the calculator page's, whose list is `tz/zones.json` beside its zone files).
    """


class GiftWanted(TypedDict, closed=True):
    """
    A gift wanted: id and count.
    """

    gift: str
    """
    Gift id from the rate card's catalogue (`lion`).
    """
    count: NotRequired[int]
    """
    How many (default 1).
    """


class QuestionOut1(TypedDict, closed=True):
    """
    Coins wanted.
    """

    coins: int


class QuestionOut2(TypedDict, closed=True):
    """
    Gifts wanted.
    """

    gifts: list[GiftWanted]


class QuestionOut3(TypedDict, closed=True):
    """
    Money to spend.
    """

    spend: Money


class QuestionOut4(TypedDict, closed=True):
    """
    Cash the creator should receive.
    """

    creator_cash: Money


QuestionOut: TypeAlias = QuestionOut1 | QuestionOut2 | QuestionOut3 | QuestionOut4
"""
The question as echoed in the answer.
"""


PurchaseKind: TypeAlias = Literal['bundle', 'custom']
"""
What a purchase line buys.
"""


class SpendResult(TypedDict):
    """
    What one spend cost and earned.
    """

    gift: str
    """
    Gift id, or `coins`.
    """
    name: str
    """
    Display name.
    """
    count: int
    """
    Units.
    """
    coins: int
    """
    Coins in all.
    """
    cost: Money
    """
    What those coins cost the viewer (first-in-first-out from the purchases).
    """
    diamonds: int
    """
    Diamonds the creator receives (per-diamond model).
    """
    creator_earnings: str
    """
    The creator's earnings from it, exact (before crediting rounds toward zero).
    """
    creator_credited: Money
    """
    Its part of the earnings credited ([`RoundingPoint::CreatorCash`], cumulatively: the
    credited total rounded after each spend, less the one before), so the spends add up to
    what the creator is credited.
    """


class Unspent(TypedDict):
    """
    Unspent coins.
    """

    coins: int
    """
    Coins.
    """
    cost: Money
    """
    What they cost the viewer.
    """


class CreatorOut(TypedDict):
    """
    The creator's side of the answer.
    """

    diamonds: int
    """
    Diamonds received (0 under a share-of-net model).
    """
    diamond_name: str
    """
    What the platform calls them.
    """
    earnings_exact: str
    """
    Exact value of the earnings.
    """
    earnings: Money
    """
    Earnings credited (rounded toward zero).
    """
    agency: Money
    """
    Agency cut.
    """
    keeps: Money
    """
    What the creator keeps.
    """
    percent_of_viewer_pays: NotRequired[str | None]
    """
    `keeps` as a percentage of what the viewer pays (2 decimals).
    """


class Withdrawals(TypedDict):
    """
    Withdrawals of the same amount on consecutive days.
    """

    first_day: int
    """
    Day of the first request.
    """
    count: int
    """
    Number of withdrawals (one per day).
    """
    amount: Money
    """
    Amount of each.
    """
    fee: Money
    """
    Fee on each.
    """
    received: Money
    """
    What arrives from each.
    """
    first_arrival_day: int
    """
    Day the first arrives.
    """
    last_arrival_day: int
    """
    Day the last arrives.
    """


class ScaleOut(TypedDict):
    """
    How a scenario's sample is scaled up to the population it stands for.
    """

    represents: int
    """
    Viewers the sample stands for.
    """
    creators: int
    """
    Creators they stand for (the simulated creators scaled alike).
    """
    factor: str
    """
    Each simulated viewer stands for this many.
    """
    note: str
    """
    The error the sample adds, in words.
    """


class CountStat(TypedDict):
    """
    A count metric over runs.
    """

    p5: int
    """
    5th percentile.
    """
    p50: int
    """
    Median.
    """
    p95: int
    """
    95th percentile.
    """
    mean: str
    """
    Mean with two decimals.
    """


class MoneyStat(TypedDict):
    """
    A money metric over runs.
    """

    p5: Money
    """
    5th percentile.
    """
    p50: Money
    """
    Median.
    """
    p95: Money
    """
    95th percentile.
    """
    mean: Money
    """
    Mean, rounded half away from zero.
    """


class RatioStat(TypedDict):
    """
    A ratio metric over runs, with 6 decimals.
    """

    p5: str
    """
    5th percentile.
    """
    p50: str
    """
    Median.
    """
    p95: str
    """
    95th percentile.
    """
    mean: str
    """
    Mean, rounded half away from zero.
    """


class PurchaseOut(TypedDict):
    """
    One purchase (a bundle or a channel's custom amount) over runs.
    """

    rate_card: str
    """
    The channel's rate card.
    """
    purchase: str
    """
    `1321 coins` for a bundle, or `custom amount`.
    """
    coins: NotRequired[int | None]
    """
    Coins of a bundle (absent for the custom amount).
    """
    purchases: CountStat
    """
    Times bought.
    """
    spend: MoneyStat
    """
    Money paid.
    """
    revenue_share: RatioStat
    """
    Its share of what all viewers paid.
    """


class DayOut(TypedDict):
    """
    One day over runs.
    """

    day: int
    """
    Day number from 0.
    """
    date: str
    """
    The date.
    """
    spend: MoneyStat
    """
    Money paid.
    """
    gifted: MoneyStat
    """
    Value of gifts sent.
    """
    blocked: MoneyStat
    """
    Money of blocked purchases and gifts.
    """
    warnings: CountStat
    """
    Events that warned.
    """


class RunMetrics(TypedDict):
    """
    The metrics of one run, as the answer gives them.
    """

    run: int
    """
    Run number.
    """
    money: dict[str, Money]
    """
    Money metrics by name.
    """
    counts: dict[str, int]
    """
    Count metrics by name.
    """
    ratios: dict[str, str]
    """
    Ratio metrics by name ([`RoundingPoint::Ratio`]: 6 decimals).
    """
    inputs: NotRequired[dict[str, str]]
    """
    The uncertain parameters' values this run drew.
    """


class Axis(TypedDict, closed=True):
    """
    One parameter and the values it takes.
    """

    parameter: str
    """
    `price_multiplier`, `elasticity`, `creator_share`, `diamond_value`, `store_fee_rate`,
    `payment_fee_rate`, `cap_multiplier`, `guardian_approval_rate`, or `cap:BRACKET/CAP`
    (one cap's limit, e.g. `cap:16-to-17/monthly`), `price_multiplier:CARD` (one channel's
    prices), `bundle:CARD/COINS/price` or `bundle:CARD/COINS/coins` (one bundle).
    """
    values: list[str]
    """
    Values, as decimal strings.
    """


class Variant(TypedDict, closed=True):
    """
    A named set of parameter changes.
    """

    name: str
    """
    Name shown in the row.
    """
    changes: dict[str, str]
    """
    Parameter → value, as in a grid.
    """


class Difference(TypedDict):
    """
    How a metric of a point differs from the base, run by run.
    """

    metric: str
    """
    Metric name.
    """
    unit: str
    """
    `money`, `count` or `ratio`.
    """
    base: str
    """
    The base's median.
    """
    value: str
    """
    This point's median.
    """
    mean_difference: str
    """
    Mean of the per-run differences (point − base).
    """
    difference_p5: str
    """
    5th percentile of the per-run differences.
    """
    difference_p95: str
    """
    95th percentile of the per-run differences.
    """
    percent: NotRequired[str | None]
    """
    Relative change of the mean, in percent ([`RoundingPoint::Percent`]: rounded half away
    from zero to 2 decimals), when the base is not zero.
    """
    p_value: NotRequired[str | None]
    """
    Two-sided p-value of the mean difference under the simulation's own sampling noise:
    Student's t on the paired per-run differences, with runs − 1 degrees of freedom (6
    decimals; absent with fewer than [`MIN_RUNS_TO_JUDGE`] runs).
    """
    significant: bool
    """
    True when the difference stands out from the simulation's noise at 5 % after Holm's
    correction over the metrics compared together ([`SIGNIFICANCE`]).
    """
    judgement: str
    """
    `higher`, `lower`, `no clear difference`, or `too few runs to judge`.
    """


class GroupDifferences(TypedDict):
    """
    How one age group or segment of a point differs from the base, run by run.
    """

    group: str
    """
    The age group's or segment's id.
    """
    differences: list[Difference]
    """
    One per metric.
    """


class TaxInput(TypedDict, closed=True):
    """
    Tax as written.
    """

    mode: TaxMode
    """
    Inclusive, on top, or none.
    """
    rate: NotRequired[str]
    """
    Rate as a decimal fraction (`"0.20"` for 20 %).
    """


class CreatorInput(TypedDict, closed=True):
    """
    The creator's terms as written.
    """

    model: CreatorModel
    """
    `per_diamond` or `share_of_net`.
    """
    diamonds_per_coin: NotRequired[str | None]
    """
    Diamonds the creator receives per coin gifted (`per_diamond`).
    """
    diamond_value: NotRequired[str | None]
    """
    Cash value of one Diamond (`per_diamond`).
    """
    share: NotRequired[str | None]
    """
    Share of the net price (`share_of_net`).
    """


class AgencyInput(TypedDict, closed=True):
    """
    The agency's cut as written.
    """

    rate: NotRequired[str]
    """
    Fraction of the creator's earnings.
    """
    paid_by: NotRequired[AgencyPayer]
    """
    Who pays it.
    """


PresetOrArrayOfGiftInput: TypeAlias = str | list[GiftInput]
"""
A gift catalogue given as a preset id such as "tiktok" (see `presets`) or as a list of gifts ({id, name, coins})
"""


class Provenance(TypedDict, closed=True):
    """
    The provenance of one or more figures, named by their field paths (`bundles[0]`, `tax`).
    """

    fields: list[str]
    """
    The figures this entry covers, as field paths within the document.
    """
    source: NotRequired[str | None]
    """
    Address of the page the figures come from.
    """
    as_of: NotRequired[str | None]
    """
    Date the source's text is dated (or states the figures for): `YYYY`, `YYYY-MM` or
    `YYYY-MM-DD`; absent for an undated page, which then gives `checked`.
    """
    checked: NotRequired[str | None]
    """
    When we last read the source and found the figures there (same date forms).
    """
    confidence: NotRequired[Confidence | None]
    """
    How far the source can be trusted.
    """
    estimate: NotRequired[bool]
    """
    True when the figures are our own estimate rather than a published number.
    """
    method: NotRequired[str | None]
    """
    How an estimate was made.
    """
    note: NotRequired[str | None]
    """
    Anything a reader should know about these figures.
    """


class RateCardRef(TypedDict):
    """
    The card a result was computed with: id, version and as-of date.
    """

    id: str
    """
    Id.
    """
    name: str
    """
    Name.
    """
    platform: str
    """
    Platform.
    """
    channel: Channel
    """
    Channel.
    """
    currency: Currency
    """
    Currency.
    """
    version: int
    """
    Version.
    """
    as_of: NotRequired[str | None]
    """
    As-of date.
    """


class CheapestPurchase(TypedDict):
    """
    The cheapest purchase covering a gift.
    """

    coins: int
    """
    Coins received.
    """
    price: Money
    """
    Listed price.
    """
    purchase_count: int
    """
    Purchases.
    """
    leftover_coins: int
    """
    Coins left over after the gift.
    """
    lines: list[AuditLine]
    """
    The purchases.
    """


class LadderAudit(TypedDict):
    """
    The ladder, audited.
    """

    bundles: int
    """
    Bundles on the card.
    """
    custom_amount: bool
    """
    True when a custom amount can be bought.
    """
    per_coin_monotone: bool
    """
    Does the price per coin never rise as packs grow?
    """
    breaks: list[LadderBreak]
    """
    Each pair of packs where the larger is dearer per coin.
    """
    best_value_bundle: BestValue
    """
    The offer with the lowest price per coin (limited offers aside).
    """
    limited_offers: list[LimitedOffer]
    """
    Offers that may be bought only a few times (a first-purchase pack), left out of the
    ladder's checks and best value.
    """
    currency_layers: list[Layer]
    """
    Money, the platform's currencies, and the creator's cash, in order.
    """
    conversions: int
    """
    Conversions between the viewer's money and the creator's cash.
    """


class CapOut(TypedDict):
    """
    A cap, as the audit lists it.
    """

    id: str
    """
    Cap id.
    """
    action: Action
    """
    Buying or gifting.
    """
    window: WindowKind
    """
    Its window.
    """
    limit: Money
    """
    The limit.
    """
    enforcement: Enforcement
    """
    Blocks (`hard`) or warns (`soft`).
    """


class BracketInput(TypedDict, closed=True):
    """
    An age bracket as written: `min_age ≤ age < max_age`.
    """

    id: str
    """
    Lower-kebab-case id (`8-to-15`).
    """
    min_age: NotRequired[int]
    """
    Youngest age in the bracket.
    """
    max_age: NotRequired[int | None]
    """
    First age past the bracket; absent for no upper bound.
    """
    caps: NotRequired[list[CapInput]]
    """
    Caps for people in the bracket.
    """
    cooldown_minutes: NotRequired[int | None]
    """
    Minutes required between two purchases.
    """
    cooldown_enforcement: NotRequired[Enforcement]
    """
    Whether the cooldown blocks or warns.
    """
    guardian_approval: NotRequired[bool]
    """
    Every purchase needs a guardian's approval (like Apple's Ask to Buy).
    """


class BudgetInput(TypedDict, closed=True):
    """
    A monthly budget, in money.
    """

    distribution: BudgetDistribution
    """
    Shape of the distribution.
    """
    amount: NotRequired[str | None]
    """
    `fixed`: the amount.
    """
    median: NotRequired[str | None]
    """
    `lognormal`: the median.
    """
    sigma: NotRequired[str | None]
    """
    `lognormal`: the standard deviation of the logarithm.
    """
    min: NotRequired[str | None]
    """
    `uniform` and `pareto`: the smallest budget.
    """
    max: NotRequired[str | None]
    """
    `uniform`: the largest; `lognormal` and `pareto`: a cap.
    """
    alpha: NotRequired[str | None]
    """
    `pareto`: the tail index (above 1 for a finite mean).
    """


class UncertainInput(TypedDict, closed=True):
    """
    A parameter drawn once per run.
    """

    parameter: str
    """
    Any sweep parameter (`elasticity`, `price_multiplier:CARD`, `creator_share`, …) or a
    calibration's (`segment:ID/share`, `segment:ID/budget.median`, `creators.zipf_exponent`).
    """
    distribution: Distribution
    """
    `normal` (with `mean` and `sd`) or `uniform` (with `min` and `max`).
    """
    mean: NotRequired[str | None]
    """
    Normal: the mean.
    """
    sd: NotRequired[str | None]
    """
    Normal: the standard deviation.
    """
    min: NotRequired[str | None]
    """
    Uniform: the lowest value; normal: where draws are cut off (default mean − 4 sd).
    """
    max: NotRequired[str | None]
    """
    Uniform: the highest value; normal: where draws are cut off (default mean + 4 sd).
    """


class FlowEntry(TypedDict):
    """
    One part of the flow.
    """

    to: Recipient
    """
    Who receives it.
    """
    amount: Money
    """
    How much.
    """
    percent: NotRequired[str | None]
    """
    `amount` as a percentage of what the viewer pays ([`RoundingPoint::Percent`]), when the
    viewer pays anything.
    """


class Error(TypedDict):
    """
    An error as data: `{"error": {"code", "path", "message", "details"}}` on the wire.
    """

    code: ErrorCode
    """
    Stable machine code.
    """
    path: str
    """
    JSON path of the offending field (`bundles[2].price`), empty for the document itself.
    """
    message: str
    """
    A sentence a person understands.
    """
    details: NotRequired[dict[str, Any]]
    """
    The facts behind the message, for programs (a page shows its own words from them and
    never parses the sentence): a limit as `{"min", "max", "given"}`, an unknown id with its
    `suggestions`, `{"from": "USD", "to": "CNY"}`, `{"zone": "Europe/Athens"}`. Names are
    stable per code.
    """


class ErrorResponse(TypedDict):
    """
    The wire form of an error: `{"error": {...}}`.
    """

    error: Error
    """
    The error.
    """


class BuyGift(TypedDict):
    """
    One coin purchase.
    """

    Date: str
    """
    `YYYY-MM-DD HH:MM:SS`, in no stated time zone.
    """
    Price: Scalar
    """
    Coins, or money, or a text that says which: TikTok documents none.
    """


class SendGifts(TypedDict):
    """
    `SendGifts: { SendGifts: [...] | null }`.
    """

    SendGifts: NotRequired[list[SendGift] | None]
    """
    The gifts (`null` when there are none).
    """


class ProfileInfo(TypedDict):
    """
    `{ ProfileMap: {...} }`.
    """

    ProfileMap: NotRequired[ProfileMap | None]
    """
    The profile's fields.
    """


class PlayPurchase(TypedDict):
    """
    One Play purchase.
    """

    invoicePrice: NotRequired[str | None]
    """
    `"$0.99"`.
    """
    purchaseTime: NotRequired[Scalar | None]
    """
    ISO 8601 in UTC.
    """
    doc: NotRequired[Doc | None]
    """
    What was bought.
    """


class PlayOrder(TypedDict):
    """
    One Play order.
    """

    orderId: NotRequired[str | None]
    """
    Google's order id.
    """
    creationTime: NotRequired[Scalar | None]
    """
    When (format undocumented: ISO 8601, or milliseconds since 1970).
    """
    totalPrice: NotRequired[str | None]
    """
    `"$4.99"`, tax included.
    """
    refundAmount: NotRequired[str | None]
    """
    `"$0.00"` when nothing was refunded.
    """
    lineItem: NotRequired[list[LineItem]]
    """
    What was bought.
    """


class RepeatInput(TypedDict, closed=True):
    """
    A repeating event: `times` occurrences in all, or every one up to and including `until`.
    """

    every: Every
    """
    How often.
    """
    times: NotRequired[int | None]
    """
    Occurrences in all, the first included (2 to 10,000).
    """
    until: NotRequired[str | None]
    """
    The last day it may happen, `YYYY-MM-DD` in the person's zone.
    """


ImportedEvent = TypedDict(
    'ImportedEvent',
    {
        'event': int,
        'from': str,
        'kind': Action,
        'at': str,
        'coins': NotRequired[int | None],
        'amount': NotRequired[Money | None],
        'currency': NotRequired[Currency | None],
        'basis': NotRequired[Basis | None],
        'order_id': NotRequired[str | None],
        'refunded': NotRequired[bool],
        'recipient': NotRequired[str | None],
    },
)


class ObjectiveInput(TypedDict, closed=True):
    """
    The objective as JSON writes it: one money metric, or a weighted sum of them.
    """

    metric: NotRequired[str | None]
    """
    A money metric of `simulate`: `platform_margin`, `viewer_spend`, `creator_payouts`, …
    """
    weights: NotRequired[dict[str, str]]
    """
    Or a weighted sum: money metric → weight (a decimal string, may be negative).
    """
    goal: NotRequired[Goal]
    """
    `maximize` (default) or `minimize`.
    """


class VariableOut(TypedDict):
    """
    A decision variable and the values it could take.
    """

    parameter: str
    """
    The parameter.
    """
    values: list[str]
    """
    Its values, in order.
    """
    price_points: NotRequired[PriceLadder | None]
    """
    The store's price points it kept to, with their source.
    """


class TotalsOut(TypedDict):
    """
    Totals over runs.
    """

    money: list[MoneyMetric]
    """
    Money metrics.
    """
    counts: list[CountMetric]
    """
    Count metrics.
    """
    ratios: list[RatioMetric]
    """
    Ratio metrics (6 decimals).
    """


class Amount(TypedDict):
    """
    An amount as paid, in its own currency, and the stated rate that converted it.
    """

    amount: Money
    """
    The amount.
    """
    currency: Currency
    """
    Its currency.
    """
    exchange_rate: StatedRate
    """
    The exchange rate that converted it into the rule set's currency, as stated.
    """


class Spendable(TypedDict):
    """
    What can still be spent on one action.
    """

    without_block: Headroom
    """
    The most without a block.
    """
    without_warning: Headroom
    """
    The most without any warning.
    """


class PeekingOut(TypedDict):
    """
    What looking at the results early costs.
    """

    looks: int
    """
    Looks planned.
    """
    naive_false_positive_rate: str
    """
    Chance of a false alarm when stopping at the first look with p below alpha, though
    there is no effect.
    """
    boundaries: list[Boundary]
    """
    Boundaries that keep the false-alarm rate at alpha over every look.
    """
    summary: str
    """
    The answer in a sentence.
    """


class PowerResponse(TypedDict):
    """
    The `power` answer.
    """

    users_per_arm: int
    """
    Users per arm.
    """
    days: int
    """
    Days of the experiment.
    """
    alpha: str
    """
    Significance level (two-sided).
    """
    power: str
    """
    Power wanted.
    """
    metrics: list[MetricPlan]
    """
    Each metric after `days` days.
    """
    durations: list[DurationRow]
    """
    The smallest detectable rise after each number of days examined.
    """
    change: dict[str, str]
    """
    The change tested, as given.
    """
    sample_ratio: NotRequired[SampleRatioOut | None]
    """
    The sample-ratio check, when arms were given.
    """
    peeking: PeekingOut
    """
    What peeking costs, and boundaries that allow it.
    """
    sample: str
    """
    Where the revenue distribution comes from.
    """
    method: str
    """
    How the answer was found.
    """


class GiftCatalogue(TypedDict):
    """
    A validated catalogue: unique ids, positive prices.
    """

    id: NotRequired[str | None]
    """
    The shipped catalogue's id, or `None` for gifts written inline in a rate card.
    """
    gifts: list[Gift]
    sources: list[Provenance]


class PurchaseLine(TypedDict):
    """
    One line of purchases with what each purchase's money becomes.
    """

    kind: PurchaseKind
    """
    A bundle or a custom amount.
    """
    bundle: NotRequired[int | None]
    """
    Index of the bundle on the rate card (bundles only).
    """
    coins: int
    """
    Coins per purchase (bonus included).
    """
    count: int
    """
    Number of purchases.
    """
    price: Money
    """
    Listed price of one purchase.
    """
    viewer_pays: Money
    """
    What the viewer pays for one purchase (price plus any tax on top).
    """
    total: Money
    """
    What the viewer pays for the whole line (`viewer_pays` × `count`).
    """
    tax: Money
    """
    Tax in one purchase.
    """
    store_fee: Money
    """
    Store fee on one purchase.
    """
    payment_fee: Money
    """
    Payment fee on one purchase.
    """
    net: Money
    """
    What remains of one purchase for the platform and creator.
    """


class PayoutPlan(TypedDict):
    """
    The cash-out of one balance.
    """

    balance: Money
    """
    Balance available, in whole minor units.
    """
    minimum: Money
    """
    The card's minimum withdrawal.
    """
    daily_cap: NotRequired[Money | None]
    """
    The card's daily cap, if any.
    """
    can_withdraw: bool
    """
    True when at least one withdrawal is possible now.
    """
    shortfall: Money
    """
    How much more is needed before the first withdrawal (zero when one is possible).
    """
    withdrawals: list[Withdrawals]
    """
    The withdrawals, grouped by amount.
    """
    total_fees: Money
    """
    Sum of all withdrawal fees.
    """
    total_received: Money
    """
    Sum of everything that arrives.
    """
    remaining: Money
    """
    What stays in the balance (below the minimum).
    """
    last_arrival_day: NotRequired[int | None]
    """
    Day the last money arrives, if any is withdrawn.
    """


class ChannelAnswer(TypedDict):
    """
    The same question on another channel of the platform.
    """

    rate_card: RateCardRef
    """
    The other channel's card.
    """
    coins: int
    """
    Coins received there.
    """
    viewer_pays: Money
    """
    What the viewer pays there.
    """
    price_per_coin: NotRequired[str | None]
    """
    Price per coin there.
    """
    leftover_coins: int
    """
    Leftover coins there.
    """
    creator_keeps: Money
    """
    What the creator keeps there.
    """
    difference: Money
    """
    `viewer_pays` there minus here (negative: cheaper there).
    """


class Simplest(TypedDict):
    """
    A simpler purchase than the cheapest: fewer purchases for a little more.
    """

    coins: int
    """
    Coins received.
    """
    leftover_coins: int
    """
    Coins bought beyond what was needed.
    """
    price: Money
    """
    Listed price of all purchases.
    """
    viewer_pays: Money
    """
    What the viewer pays.
    """
    purchase_count: int
    """
    Number of purchases.
    """
    lines: list[PurchaseLine]
    """
    The purchases, in the order they are made.
    """
    costs_more: Money
    """
    What it costs beyond the cheapest purchase (`viewer_pays` minus the cheapest's).
    """
    fewer_purchases: int
    """
    Purchases fewer than the cheapest purchase needs.
    """
    creator_keeps: Money
    """
    What the creator keeps this way (the same gifts: the same, unless leftover coins differ
    in what they cost).
    """


class ScenarioOut(TypedDict):
    """
    What was simulated.
    """

    rate_cards: list[RateCardRef]
    """
    The channels' cards.
    """
    rule_set: RuleSetRef
    """
    The rules.
    """
    currency: Currency
    """
    Currency of every amount.
    """
    viewers: int
    """
    Viewers.
    """
    creators: int
    """
    Creators.
    """
    days: int
    """
    Days.
    """
    runs: int
    """
    Runs.
    """
    seed: int
    """
    Seed.
    """
    price_multiplier: str
    """
    Price multiplier applied to every card.
    """
    elasticity: str
    """
    Elasticity.
    """
    scale: NotRequired[ScaleOut | None]
    """
    The viewers the simulated ones stand for, when the scenario scales up.
    """


class AgeGroupOut(TypedDict):
    """
    One age group over runs.
    """

    id: str
    """
    Id.
    """
    min_age: int
    """
    Youngest age.
    """
    max_age: int
    """
    First age past it.
    """
    viewers: CountStat
    """
    Viewers.
    """
    spenders: CountStat
    """
    Viewers with a budget.
    """
    payers: CountStat
    """
    Viewers who bought at least once.
    """
    spend: MoneyStat
    """
    Money paid.
    """
    blocked_spend: MoneyStat
    """
    Money of blocked purchases.
    """
    blocked_gifts: MoneyStat
    """
    Value of blocked gifts.
    """
    warnings: CountStat
    """
    Events that warned.
    """


class SegmentOut(TypedDict):
    """
    One segment over runs.
    """

    segment: str
    """
    The segment's id.
    """
    viewers: CountStat
    """
    Viewers.
    """
    payers: CountStat
    """
    Viewers who bought at least once.
    """
    purchases: CountStat
    """
    Purchases.
    """
    spend: MoneyStat
    """
    Money paid.
    """
    revenue_share: RatioStat
    """
    Its share of what all viewers paid.
    """


class SimulateResponse(TypedDict):
    """
    The `simulate` answer.
    """

    scenario: ScenarioOut
    """
    What was simulated.
    """
    totals: TotalsOut
    """
    Totals: P5, P50, P95 and mean over runs.
    """
    by_age: list[AgeGroupOut]
    """
    By age group.
    """
    by_segment: list[SegmentOut]
    """
    By segment.
    """
    by_purchase: list[PurchaseOut]
    """
    By purchase: every bundle and custom amount of every channel.
    """
    by_day: list[DayOut]
    """
    By day.
    """
    runs: list[RunMetrics]
    """
    Every run's totals (they reconcile to the cent).
    """


class SweepRow(TypedDict):
    """
    One point of the sweep.
    """

    name: str
    """
    Name (a variant's, or the parameter values joined).
    """
    point: dict[str, str]
    """
    Parameter values of this point.
    """
    totals: TotalsOut
    """
    Totals over runs.
    """
    vs_base: list[Difference]
    """
    Differences from the base.
    """
    vs_base_by_age: list[GroupDifferences]
    """
    Differences from the base in each age group: every metric but what creators are paid
    ([`simulate::CREATOR_METRICS`]).
    """
    vs_base_by_segment: list[GroupDifferences]
    """
    Differences from the base in each segment: every metric but what creators are paid.
    """


class SweepResponse(TypedDict):
    """
    The `sweep` answer.
    """

    parameters: list[str]
    """
    The parameters varied.
    """
    base: TotalsOut
    """
    The base scenario's totals.
    """
    rows: list[SweepRow]
    """
    One row per point.
    """
    significance: str
    """
    What a row's `significant` and `judgement` mean: the simulation's own noise, the test
    and its correction ([`stats::SIGNIFICANCE`]).
    """


class RateCardInput(TypedDict, closed=True):
    """
    A rate card as JSON can write it. Every decimal is a string.
    """

    id: str
    """
    Lower-kebab-case id (`tiktok-ios`).
    """
    name: str
    """
    Human name.
    """
    platform: str
    """
    Platform id (`tiktok`); channels of one platform are compared with each other.
    """
    channel: Channel
    """
    Where coins are bought.
    """
    currency: str
    """
    ISO 4217 code of every amount on the card.
    """
    version: NotRequired[int]
    """
    Revision of the card's figures.
    """
    as_of: NotRequired[str | None]
    """
    Date the figures hold for.
    """
    coin_name: NotRequired[str | None]
    """
    What the platform calls its coins (`Coins`, `Bits`, `Robux`).
    """
    diamond_name: NotRequired[str | None]
    """
    What the platform calls the creator's unit (`Diamonds`).
    """
    bundles: NotRequired[list[BundleInput]]
    """
    Coin bundles on sale.
    """
    custom_amount: NotRequired[CustomAmountInput | None]
    """
    Rule for buying any number of coins, if the channel offers one.
    """
    tax: NotRequired[TaxInput]
    """
    Tax handling.
    """
    store_fee_rate: NotRequired[str]
    """
    App-store commission on the price before tax (`"0.30"`).
    """
    payment_fee: NotRequired[FeeInput]
    """
    Card processing fee, paid by the platform.
    """
    creator: CreatorInput
    """
    How the creator is paid.
    """
    agency: NotRequired[AgencyInput]
    """
    The agency's cut.
    """
    payout: NotRequired[PayoutInput]
    """
    Withdrawal terms.
    """
    gifts: NotRequired[PresetOrArrayOfGiftInput | None]
    """
    A shipped catalogue id (`"tiktok"`) or a list of gifts.
    """
    sources: NotRequired[list[Provenance]]
    """
    Where each figure comes from.
    """
    notes: NotRequired[str | None]
    """
    Anything a reader should know about the card.
    """


class GiftAudit(TypedDict):
    """
    One gift, audited.
    """

    gift: str
    """
    Gift id.
    """
    name: str
    """
    Its name.
    """
    coins: int
    """
    Its coins.
    """
    price_at_best_rate: str
    """
    Its coins at the ladder's best price per coin (6 decimals; display only): what the
    gift costs if coins could be bought at the best rate in any amount.
    """
    cheapest_purchase: CheapestPurchase
    """
    The cheapest purchase that covers it, with its leftover coins.
    """
    min_leftover_coins: int
    """
    The fewest coins any purchase covering it leaves over (0: the exact amount can be
    bought).
    """
    forced_overspend: str
    """
    Cheapest purchase ÷ price at the best rate − 1 (6 decimals): how much more the viewer
    must pay than the gift's coins are worth at the best rate.
    """


class CardAudit(TypedDict):
    """
    One card's audit.
    """

    rate_card: RateCardRef
    """
    The card.
    """
    gifts: list[GiftAudit]
    """
    Every gift audited, in catalogue order.
    """
    ladder: LadderAudit
    """
    The ladder.
    """
    findings: list[Finding]
    """
    What the audit found, in plain words.
    """


class BracketOut(TypedDict):
    """
    An age bracket, as the audit lists it.
    """

    id: str
    """
    Bracket id.
    """
    ages: str
    """
    "ages 8 to 15".
    """
    guardian_approval: bool
    """
    Purchases need a guardian's approval.
    """
    caps: list[CapOut]
    """
    Its caps.
    """


class RuleSetInput(TypedDict, closed=True):
    """
    A rule set as JSON can write it.
    """

    id: str
    """
    Lower-kebab-case id (`cn-games-2019`).
    """
    name: str
    """
    Human name.
    """
    version: NotRequired[int]
    """
    Revision.
    """
    as_of: NotRequired[str | None]
    """
    Date the rules hold from.
    """
    jurisdiction: NotRequired[str | None]
    """
    Where the rules hold: an ISO 3166-1 country (`AU`) or ISO 3166-2 subdivision
    (`US-TX`); absent for everywhere (a platform's own policy).
    """
    instrument: NotRequired[str | None]
    """
    The law, guideline or policy the rules come from.
    """
    status: NotRequired[list[StatusInput]]
    """
    Dated status history, oldest first: each status holds from its day to the next one's.
    """
    platforms: NotRequired[list[str]]
    """
    Platforms the rules cover (`tiktok`, as rate cards name them); absent for all.
    """
    channels: NotRequired[list[Channel]]
    """
    Purchase channels the rules cover (`ios`, `android`); absent for all.
    """
    opt_in: NotRequired[bool]
    """
    Limits a person or family chooses (a budget, a family's caps): `"auto"` never applies
    them on its own.
    """
    currency: str
    """
    Currency of every cap.
    """
    time_zone: NotRequired[str | None]
    """
    Time zone for calendar windows when the person gives none (default UTC).
    """
    min_age: NotRequired[MinAgeInput]
    """
    Minimum ages.
    """
    regions: NotRequired[list[RegionInput]]
    """
    Regional exceptions to the minimum ages.
    """
    brackets: NotRequired[list[BracketInput]]
    """
    Caps by age bracket.
    """
    warning_thresholds: NotRequired[list[str]]
    """
    Fractions of a cap at which a warning is given, once per window (default 0.5, 0.8, 1).
    """
    sources: NotRequired[list[Provenance]]
    """
    Where each rule comes from.
    """
    notes: NotRequired[str | None]
    """
    Anything a reader should know.
    """


class SegmentInput(TypedDict, closed=True):
    """
    A group of viewers who behave alike.
    """

    id: str
    """
    Lower-kebab-case id (`whales`).
    """
    share: str
    """
    Share of viewers; the shares add up to 1.
    """
    budget: NotRequired[BudgetInput | None]
    """
    Money a month, refreshed on the first of each calendar month; absent for viewers who
    never spend.
    """
    active_days_per_week: NotRequired[str]
    """
    Days a week with gifting, on average (default 2).
    """
    gifts_per_active_day: NotRequired[str]
    """
    Gifts sent on an active day, on average (default 3).
    """
    top_up: NotRequired[str | None]
    """
    Money a top-up aims at (default: the card's cheapest purchase); the most coins that fit
    are bought.
    """
    gifts: NotRequired[list[GiftChoiceInput]]
    """
    The gifts this segment sends.
    """
    value_per_coin: NotRequired[SpreadInput | None]
    """
    What a coin is worth to a viewer (a reservation price): at each top-up the viewer buys
    the offer with the largest surplus (value of its coins − what it costs), and nothing if
    every offer costs more than its coins are worth. Absent: coins are worth any price and
    the budget scales with the price multiplier and `elasticity` instead.
    """
    switching_cost: NotRequired[SpreadInput | None]
    """
    What it takes for a viewer to move to a cheaper channel of the same platform: a viewer
    switches when what one top-up saves there is more than this. Absent: nobody switches.
    """
    share_by_age: NotRequired[dict[str, str]]
    """
    Share of each age group (by id) in this segment, instead of `share` (which then
    applies to the groups not listed); in each age group the shares add up to 1.
    """
    budget_by_age: NotRequired[dict[str, BudgetInput]]
    """
    The budget of an age group (by id), instead of `budget`.
    """
    monthly_retention: NotRequired[list[str]]
    """
    Retention curve: the share of the segment's viewers still there a month later, for
    their first month, second month, … (the last applies to every month after). A viewer
    who leaves is replaced by a new one (drawn afresh: age group, segment, budget), so the
    population keeps its size. Absent: viewers stay.
    """


class CompareRow(TypedDict):
    """
    One platform's answer.
    """

    rate_card: RateCardRef
    """
    The card.
    """
    coin_name: str
    """
    What the platform calls its coins.
    """
    coins: int
    """
    Coins the money buys.
    """
    viewer_pays: Money
    """
    What the viewer pays for them.
    """
    budget_left: Money
    """
    Money not spent because no purchase fits it.
    """
    price_per_coin: NotRequired[str | None]
    """
    Price per coin.
    """
    creator_keeps: Money
    """
    What the creator keeps when every coin is gifted.
    """
    creator_percent: NotRequired[str | None]
    """
    `creator_keeps` as a percentage of the money spent (2 decimals).
    """
    creator_can_withdraw: bool
    """
    True when the creator can withdraw it at once (at or above the payout minimum).
    """
    flow: list[FlowEntry]
    """
    Where every cent goes; adds up to `viewer_pays`.
    """


class CompareResponse(TypedDict):
    """
    The `compare` answer.
    """

    spend: Money
    """
    The money spent on each platform.
    """
    rows: list[CompareRow]
    """
    One row per rate card, in the order given.
    """
    best_for_creator: NotRequired[str | None]
    """
    Id of the card whose creator keeps the most; absent with a single card (nothing to
    compare it with).
    """


class BuyGifts(TypedDict):
    """
    `BuyGifts: { BuyGifts: [...] | null }`.
    """

    BuyGifts: NotRequired[list[BuyGift] | None]
    """
    The purchases (`null` when there are none).
    """


Profile = TypedDict(
    'Profile',
    {
        'Profile Info': NotRequired[ProfileInfo | None],
        'Profile Information': NotRequired[ProfileInfo | None],
    },
)


class PurchaseEntry(TypedDict):
    """
    `{ "purchaseHistory": {...} }`.
    """

    purchaseHistory: NotRequired[PlayPurchase | None]
    """
    The purchase.
    """


class OrderEntry(TypedDict):
    """
    `{ "orderHistory": {...} }`.
    """

    orderHistory: NotRequired[PlayOrder | None]
    """
    The order.
    """


class EventInput(TypedDict, closed=True):
    """
    One dated event: exactly one of `buy` and `gift`.
    """

    at: str
    """
    When: an RFC 3339 timestamp (`2026-03-01T10:00:00+08:00`), or a wall-clock time in the
    person's time zone (`2026-03-01T10:00`; in the hour clocks go back, the earlier; in the
    hour they skip, as if the clocks had not moved yet).
    """
    buy: NotRequired[BuyInput | None]
    """
    A purchase of coins.
    """
    gift: NotRequired[GiftEventInput | None]
    """
    A gift or tip.
    """
    guardian_approved: NotRequired[bool]
    """
    A guardian approved this purchase.
    """
    note: NotRequired[str | None]
    """
    A note, echoed in the verdict.
    """
    repeat: NotRequired[RepeatInput | None]
    """
    The event happens again: every day, week or month at the same wall-clock time in the
    person's zone.
    """


class PointOut(TypedDict):
    """
    A point the answer details.
    """

    values: dict[str, str]
    """
    Each variable's value.
    """
    objective: ObjectiveOut
    """
    The objective.
    """
    feasible: bool
    """
    True when every constraint is met.
    """
    constraints: list[Standing]
    """
    Each constraint: the value, its slack and whether it is met.
    """
    totals: TotalsOut
    """
    Every metric over runs (P5, median, P95, mean).
    """


class EventVerdict(TypedDict):
    """
    The verdict on one event.
    """

    index: int
    """
    Position of the event in the input.
    """
    occurrence: NotRequired[int | None]
    """
    Which occurrence of a repeating event, from 1.
    """
    at: str
    """
    When, in the person's time zone.
    """
    action: Action
    """
    Buy or gift.
    """
    gift: NotRequired[str | None]
    """
    Gift id, for catalogue gifts.
    """
    coins: NotRequired[int | None]
    """
    Coins bought or spent.
    """
    amount: Money
    """
    The amount the rules count, in the rule set's currency. A gift is valued at what its
    coins cost (first in, first out); one the coins held cannot cover, at the cost of those
    held plus the cheapest purchase of the rest.
    """
    paid: NotRequired[Amount | None]
    """
    The amount as paid, when it was in another currency than the rules count.
    """
    verdict: Level
    """
    What the rule says of the event.
    """
    rule_set: NotRequired[str | None]
    """
    The rule set the rule belongs to (absent for rules outside any set, such as holding
    enough coins).
    """
    rule: str
    """
    The rule: a cap id, `min-age`, `guardian-approval`, `cooldown` or `coins`.
    """
    window: NotRequired[WindowOut | None]
    """
    The window the rule counts over.
    """
    limit: NotRequired[Money | None]
    """
    The cap.
    """
    used: NotRequired[Money | None]
    """
    Used in the window, this event included unless it is blocked.
    """
    remaining: NotRequired[Money | None]
    """
    Left in the window (zero when passed).
    """
    code: MessageCode
    """
    Stable code.
    """
    message: str
    """
    A sentence a person understands.
    """
    details: NotRequired[dict[str, Any]]
    """
    The facts behind the message, for programs, by code: `age_below_minimum` has
    `minimum`; `cooldown` has `minutes` and `next_allowed_at`; `threshold_reached` has
    `threshold` (a fraction of the cap); `not_enough_coins` has `needed` and `held`.
    """
    checks: list[Check]
    """
    Every rule checked.
    """
    note: NotRequired[str | None]
    """
    The event's note.
    """


class StillSpendable(TypedDict):
    """
    What can still be spent at a moment.
    """

    at: str
    """
    The moment, in the person's time zone.
    """
    buy: Spendable
    """
    On purchases.
    """
    gift: Spendable
    """
    On gifts and tips.
    """


class PlanResponse(TypedDict):
    """
    The `plan` answer.
    """

    rule_set: RuleSetRef
    """
    The rule set used (`auto` for the registry's).
    """
    rule_sets: NotRequired[list[AppliedRuleSet]]
    """
    With `"auto"`: every rule set considered for the region, its place and status history,
    and the events it was applied to.
    """
    rate_card: NotRequired[RateCardRef | None]
    """
    The rate card used, if any.
    """
    person: PersonOut
    """
    The person.
    """
    verdicts: list[EventVerdict]
    """
    One verdict per event, in input order.
    """
    summary: PlanSummary
    """
    Totals.
    """
    can_still_spend: StillSpendable
    """
    The most that can still be spent at the end of the plan (or at `now`).
    """


class PresetsResponse(TypedDict):
    """
    The `presets` answer.
    """

    rate_cards: list[RateCardInput]
    """
    Every shipped rate card, in the same form a request may send back (edited or not).
    """
    gift_catalogues: list[GiftCatalogue]
    """
    Every shipped gift catalogue with its sources.
    """
    rule_sets: list[RuleSetInput]
    """
    Every shipped rule set, in the form `plan` and `quote` accept back.
    """
    rounding: list[RoundingRule]
    """
    Every rounding point and its rule (the same list `docs/model.md` prints).
    """
    time_zones: TimeZones
    """
    The time zones a person's zone may name.
    """


class Purchase(TypedDict):
    """
    The purchase that answers the question.
    """

    coins: int
    """
    Coins received.
    """
    leftover_coins: int
    """
    Coins bought beyond what was needed.
    """
    price: Money
    """
    Listed price of all purchases.
    """
    viewer_pays: Money
    """
    What the viewer pays (price plus any sales tax on top).
    """
    price_per_coin: NotRequired[str | None]
    """
    Price per coin received, for comparison (6 decimals; display only).
    """
    purchase_count: int
    """
    Number of purchases.
    """
    lines: list[PurchaseLine]
    """
    The purchases, in the order they are made (the order coins are spent).
    """
    budget_left: NotRequired[Money | None]
    """
    For `spend`: what is left of the budget.
    """


class QuoteResponse(TypedDict):
    """
    The `quote` answer.
    """

    rate_card: RateCardRef
    """
    The rate card used.
    """
    question: QuestionOut
    """
    The question, as understood.
    """
    coins_needed: int
    """
    Coins the question needs (before bundle rounding).
    """
    purchase: Purchase
    """
    The cheapest purchase.
    """
    spent: list[SpendResult]
    """
    What each gift (or the coins) really cost, first-in-first-out.
    """
    unspent: Unspent
    """
    Coins left over after the gifts, and what they cost.
    """
    creator: CreatorOut
    """
    The creator's earnings.
    """
    payout: PayoutPlan
    """
    When the creator's earnings become cash.
    """
    flow: list[FlowEntry]
    """
    Where every cent goes; the amounts add up to `purchase.viewer_pays`.
    """
    channels: list[ChannelAnswer]
    """
    The same question on the platform's other channels in the same currency, cheapest first.
    """
    simplest: NotRequired[Simplest | None]
    """
    The fewest purchases (at most 12) within `simplest_within` of the cheapest price, when
    that is fewer purchases than `purchase`; absent for `spend` questions.
    """
    spending_check: NotRequired[PlanResponse | None]
    """
    The purchase (event 0) and its gifts (event 1) checked against the spending rules, when
    `rule_set` and `person` are given.
    """


PresetOrRateCardInput: TypeAlias = str | RateCardInput
"""
A rate card given as a preset id such as "tiktok-web" (see `presets`) or as a full rate card object
"""


class AuditRequest(TypedDict, closed=True):
    """
    The `audit` request.
    """

    rate_card: PresetOrRateCardInput
    """
    The rate card: a preset id or a full rate card object.
    """
    all_channels: NotRequired[bool]
    """
    Also audit every shipped card of the same platform in the same currency (its other
    channels: web, iOS, Android).
    """
    gifts: NotRequired[list[str] | None]
    """
    Gift ids to audit (default: the card's whole catalogue).
    """
    region: NotRequired[str | None]
    """
    A region (`AU`, `US-TX`) for the age gates and caps that hold there (needs `date`).
    """
    date: NotRequired[str | None]
    """
    The day (`YYYY-MM-DD`) the rules are read for.
    """


class RuleOnDate(TypedDict):
    """
    A rule set of the registry, as it stands in the region on the date.
    """

    id: str
    """
    Id.
    """
    name: str
    """
    Name.
    """
    jurisdiction: NotRequired[str | None]
    """
    Where it holds.
    """
    instrument: NotRequired[str | None]
    """
    The instrument.
    """
    status: NotRequired[Status | None]
    """
    Its status on the date (absent: not yet recorded then).
    """
    applies: bool
    """
    True when `"auto"` applies it on the date.
    """
    status_history: list[StatusInput]
    """
    Its whole status history.
    """
    min_age: MinAge
    """
    Minimum ages in the region.
    """
    brackets: list[BracketOut]
    """
    Age brackets with caps or approval.
    """
    notes: NotRequired[str | None]
    """
    Notes.
    """


class ChannelInput(TypedDict, closed=True):
    """
    A channel and the share of viewers who buy there.
    """

    rate_card: PresetOrRateCardInput
    """
    A preset id or a rate card object.
    """
    share: str
    """
    Share of viewers, a decimal string; the shares add up to 1.
    """
    price_multiplier: NotRequired[str]
    """
    This channel's prices are multiplied by this too (default 1).
    """


PresetOrRuleSetInput: TypeAlias = str | RuleSetInput
"""
A rule set given as a preset id such as "cn-games-2019" (see `presets`) or as a full rule set object
"""


class CompareRequest(TypedDict, closed=True):
    """
    The `compare` request.
    """

    spend: str
    """
    Money the fan spends, a decimal string.
    """
    currency: NotRequired[str]
    """
    Currency of `spend` (default `USD`).
    """
    rate_cards: NotRequired[list[PresetOrRateCardInput] | None]
    """
    Preset ids or rate card objects; default: every preset in the currency.
    """


class Purchases(TypedDict):
    """
    Coins bought and gifts sent.
    """

    BuyGifts: NotRequired[BuyGifts | None]
    """
    Coin purchases.
    """
    SendGifts: NotRequired[SendGifts | None]
    """
    Gifts sent.
    """


class GooglePlay(TypedDict, closed=True):
    """
    The Google Play Store files of a Takeout archive.
    """

    purchase_history: NotRequired[list[PurchaseEntry] | None]
    """
    `Purchase History.json`.
    """
    order_history: NotRequired[list[OrderEntry] | None]
    """
    `Order History.json` (carries tax and refunds; preferred when both are given).
    """


class PlanRequest(TypedDict, closed=True):
    """
    The `plan` request.
    """

    rule_set: PresetOrRuleSetInput
    """
    A preset id (`"cn-games-2019"`), a full rule set object, or `"auto"`: every shipped
    rule set in force for the person's region (needed then) on each event's date, on the
    rate card's platform and channel.
    """
    person: PersonInput
    """
    The person.
    """
    rate_card: NotRequired[PresetOrRateCardInput | None]
    """
    A rate card to price coin purchases and gifts (preset id or object).
    """
    exchange_rates: NotRequired[dict[str, str]]
    """
    Exchange rates, `{"USD/CNY": "7.10"}` (1 USD = 7.10 CNY), for amounts in another
    currency than the rule set's or the rate card's; either direction serves both ways.
    """
    now: NotRequired[str | None]
    """
    The moment for "what can still be spent" (default: the last event), written as an
    event's `at` is.
    """
    events: list[EventInput]
    """
    The events, in any order (they are applied in time order).
    """
    happened: NotRequired[bool]
    """
    The events took place (an imported history): each counts toward the limits whatever
    its verdict — a verdict says whether the rules would have stopped it, and every later
    breach shows too — and a gift needs no coins bought within the plan.
    """


class ImportResponse(TypedDict):
    """
    The `import` answer: the plan, and what was read.
    """

    plan: PlanRequest
    """
    A complete `plan` input: run it as is, or edit it.
    """
    format: str
    """
    `tiktok-2024` (`Your Activity`) or `tiktok-legacy` (`Activity`).
    """
    price_unit: NotRequired[PriceUnit | None]
    """
    The unit `Price` was read in, when there were purchases.
    """
    time_zone: str
    """
    The zone the export's dates were read in.
    """
    birth_date: NotRequired[str | None]
    """
    The profile's date of birth, when the export has one.
    """
    events: list[ImportedEvent]
    """
    Every record, in the plan's order.
    """
    totals: ImportTotals
    """
    Counts.
    """
    notes: list[str]
    """
    What a reader should know, in plain words.
    """


class QuoteRequest(TypedDict, closed=True):
    """
    The `quote` request. Exactly one of `coins`, `gifts`, `spend` and `creator_cash`.
    """

    rate_card: PresetOrRateCardInput
    """
    A preset id (`"tiktok-ios"`) or a full rate card object.
    """
    coins: NotRequired[int | None]
    """
    Coins wanted.
    """
    gifts: NotRequired[list[GiftWanted] | None]
    """
    Gifts wanted.
    """
    spend: NotRequired[str | None]
    """
    Money to spend (a decimal string in the card's currency).
    """
    creator_cash: NotRequired[str | None]
    """
    Cash the creator should receive (a decimal string in the card's currency).
    """
    compare_channels: NotRequired[bool]
    """
    Also answer on the platform's other channels (default true).
    """
    rule_set: NotRequired[PresetOrRuleSetInput | None]
    """
    Check the purchase and its gifts against these spending rules (needs `person`): a
    preset id, a rule set object, or `"auto"` for every rule in force in the person's region
    on the date `at` (both needed then).
    """
    person: NotRequired[PersonInput | None]
    """
    The person the spending rules apply to (needs `rule_set`).
    """
    at: NotRequired[str | None]
    """
    When the purchase happens, for the rules' calendar windows and, with `"auto"`, which
    rules hold: an RFC 3339 timestamp, or a wall-clock time in the person's time zone
    (`2026-03-01T10:00`).
    """
    exchange_rates: NotRequired[dict[str, str]]
    """
    Exchange rates, `{"USD/CNY": "7.10"}`, when the rules count another currency.
    """
    simplest_within: NotRequired[str | None]
    """
    How much more than the cheapest price a simpler purchase (fewer purchases) may cost, as
    a fraction (default `"0.02"`, 2 %).
    """


class RulesOnDate(TypedDict):
    """
    The rules that hold in a region on a date.
    """

    region: str
    """
    The region.
    """
    date: str
    """
    The day.
    """
    rule_sets: list[RuleOnDate]
    """
    Every rule set of the registry that covers the region and the card's platform and
    channel, applied or not on the date.
    """


class AuditResponse(TypedDict):
    """
    The `audit` answer.
    """

    rate_card: RateCardRef
    """
    The card audited.
    """
    gifts: list[GiftAudit]
    """
    Every gift of the card, audited.
    """
    ladder: LadderAudit
    """
    The card's ladder.
    """
    findings: list[Finding]
    """
    What the audit found, in plain words.
    """
    channels: NotRequired[list[CardAudit]]
    """
    With `all_channels`: the platform's other shipped cards in the currency, audited alike.
    """
    rules: NotRequired[RulesOnDate | None]
    """
    With `region` and `date`: the registry's age gates and caps there and then.
    """


class ScenarioInput(TypedDict, closed=True):
    """
    A scenario as JSON can write it.
    """

    rate_card: NotRequired[PresetOrRateCardInput | None]
    """
    One rate card for every viewer (or give `channels`).
    """
    channels: NotRequired[list[ChannelInput]]
    """
    Channels and the share of viewers on each (same currency).
    """
    rule_set: NotRequired[PresetOrRuleSetInput]
    """
    Spending rules enforced per viewer (default `none`).
    """
    exchange_rates: NotRequired[dict[str, str]]
    """
    Exchange rates when the rules count another currency (`{"USD/CNY": "7.10"}`).
    """
    region: NotRequired[str | None]
    """
    Viewers' region, for regional age rules.
    """
    viewers: int
    """
    Number of viewers.
    """
    represents: NotRequired[int | None]
    """
    How many viewers the simulated ones stand for (at most 2,000,000,000): totals are
    scaled up to them, creators with them.
    """
    ages: NotRequired[list[AgeGroupInput]]
    """
    Age groups (default: everyone 18 to 64).
    """
    segments: list[SegmentInput]
    """
    Spender segments.
    """
    elasticity: NotRequired[str]
    """
    Price elasticity of coin demand: coins bought scale with `price_multiplier^elasticity`
    (0: the same coins whatever the price; −1: the same money).
    """
    price_multiplier: NotRequired[str]
    """
    Every price on every card is multiplied by this (default 1).
    """
    creators: NotRequired[CreatorsInput]
    """
    Creators receiving the gifts.
    """
    guardian_approval_rate: NotRequired[str]
    """
    Chance a guardian approves a purchase that needs approval (default 0.5).
    """
    days: int
    """
    Days simulated.
    """
    start: NotRequired[str]
    """
    First day (`YYYY-MM-DD`), for calendar windows (default 2026-01-01).
    """
    runs: NotRequired[int]
    """
    Monte Carlo runs (default 1).
    """
    seed: NotRequired[int]
    """
    Seed: the same scenario and seed give the same answer, byte for byte.
    """
    warm_up_days: NotRequired[int]
    """
    Days simulated before `start` and left out of the results, so that the population is
    in its steady state (coins held, budgets part spent) when counting begins (default 0).
    """
    age_misreport: NotRequired[AgeMisreportInput | None]
    """
    Viewers who state an older age than theirs.
    """
    uncertain: NotRequired[list[UncertainInput]]
    """
    Parameters not known exactly, each drawn once per run from its distribution, so the
    bands over runs carry that uncertainty too.
    """


class CalibrateRequest(TypedDict, closed=True):
    """
    The `calibrate` request.
    """

    scenario: ScenarioInput
    """
    The scenario to fit; its values are the starting point.
    """
    free: list[FreeInput]
    """
    The parameters left free, each with its range.
    """
    targets: NotRequired[list[TargetInput]]
    """
    The targets.
    """
    target_set: NotRequired[str | None]
    """
    Or a shipped target set (`swrve-2016-f2p`, `inke-2018-live`, `tiktok-bundle-2023`), whose
    targets come before any in `targets`.
    """
    max_evaluations: NotRequired[int]
    """
    Most simulations the search runs (default 120, at most 2,000).
    """


class CalibrateResponse(TypedDict):
    """
    The `calibrate` answer.
    """

    scenario: ScenarioInput
    """
    The fitted scenario: a plain `simulate` input.
    """
    fitted: list[FittedOut]
    """
    The fitted parameters (estimates).
    """
    targets: list[TargetOut]
    """
    Each target, and what the fit achieved.
    """
    missed: list[str]
    """
    Targets not met, by metric.
    """
    fit_error: str
    """
    Mean over targets of the squared error in tolerances (at most 1 when all are met).
    """
    evaluations: int
    """
    Simulations run.
    """
    iterations: int
    """
    Nelder–Mead iterations.
    """
    converged: bool
    """
    True when the search stopped on its own (targets met or no further progress), false at
    the evaluation cap.
    """
    target_set: NotRequired[TargetSet | None]
    """
    The target set used, with its source.
    """
    note: str
    """
    How to read the answer.
    """


Activity = TypedDict(
    'Activity',
    {
        'Purchases': NotRequired[Purchases | None],
        'Purchase History': NotRequired[Purchases | None],
    },
)


class OptimizeRequest(TypedDict, closed=True):
    """
    The `optimize` request.
    """

    scenario: ScenarioInput
    """
    The scenario every point starts from.
    """
    variables: list[VariableInput]
    """
    The decision variables, each with the values it may take.
    """
    objective: ObjectiveInput
    """
    What to maximise (or minimise).
    """
    constraints: NotRequired[list[ConstraintInput]]
    """
    What every answer must satisfy.
    """
    max_evaluations: NotRequired[int]
    """
    Most simulations the search runs (default 80, at most 2,000).
    """


class OptimizeResponse(TypedDict):
    """
    The `optimize` answer.
    """

    variables: list[VariableOut]
    """
    The decision variables.
    """
    objective: str
    """
    The objective, in words.
    """
    best: PointOut
    """
    The best point: the best feasible one, or when none is feasible the least violating.
    """
    runners_up: list[PointOut]
    """
    The next best points.
    """
    feasible: bool
    """
    True when some point meets every constraint.
    """
    warning: NotRequired[str | None]
    """
    Said when no point evaluated meets every constraint.
    """
    scenario: ScenarioInput
    """
    The best point's scenario: a plain `simulate` input.
    """
    points: list[Evaluation]
    """
    Every point evaluated, in the order evaluated.
    """
    combinations: str
    """
    Combinations of the variables' values.
    """
    evaluations: int
    """
    Simulations run.
    """
    exhaustive: bool
    """
    True when every combination was evaluated.
    """
    converged: bool
    """
    True when the search ended on its own, not at the evaluation cap.
    """
    method: str
    """
    How the search works and how to read the answer.
    """


class PowerRequest(TypedDict, closed=True):
    """
    The `power` request.
    """

    scenario: ScenarioInput
    """
    The scenario whose viewers' spending the arms are drawn from (calibrate it first).
    """
    users_per_arm: int
    """
    Users in each arm.
    """
    days: int
    """
    Days each user is observed.
    """
    change: NotRequired[dict[str, str]]
    """
    The change to test, as sweep parameters (`{"price_multiplier:tiktok-ios": "1.10"}`):
    its simulated effect is the effect to detect.
    """
    effect: NotRequired[str | None]
    """
    Or the relative effect to detect, e.g. `0.05` for a 5 % change (both directions).
    """
    alpha: NotRequired[str]
    """
    Significance level of the two-sided test (default 0.05).
    """
    power: NotRequired[str]
    """
    Power wanted (default 0.8).
    """
    max_days: NotRequired[int]
    """
    Longest experiment considered when finding the days needed (default 56).
    """
    looks: NotRequired[int | None]
    """
    Times the results are looked at during the experiment (default: once a week).
    """
    observed: NotRequired[ObservedInput | None]
    """
    Users actually in each arm, for the sample-ratio check.
    """
    replicates: NotRequired[int]
    """
    Replicate experiments simulated (default 2,000).
    """


class SweepRequest(TypedDict, closed=True):
    """
    The `sweep` request.
    """

    base: ScenarioInput
    """
    The scenario every point starts from.
    """
    grid: NotRequired[list[Axis]]
    """
    Parameters and their values; every combination is a row.
    """
    variants: NotRequired[list[Variant]]
    """
    Or named variants, each compared with the base (an A/B test is one variant).
    """


TikTokExport = TypedDict(
    'TikTokExport',
    {
        'Your Activity': NotRequired[Activity | None],
        'Activity': NotRequired[Activity | None],
        'Profile': NotRequired[Profile | None],
    },
)


ImportRequest = TypedDict(
    'ImportRequest',
    {
        'tiktok': TikTokExport,
        'google_play': NotRequired[GooglePlay | None],
        'time_zone': NotRequired[str | None],
        'price_unit': NotRequired[str | None],
        'rate_card': NotRequired[PresetOrRateCardInput | None],
        'rule_set': NotRequired[PresetOrRuleSetInput | None],
        'region': NotRequired[str | None],
        'age': NotRequired[int | None],
        'from': NotRequired[str | None],
        'to': NotRequired[str | None],
    },
    closed=True,
)
