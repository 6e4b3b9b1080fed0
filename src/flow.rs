//! Where every cent goes: viewer pays → tax → store fee → payment fee → creator → agency →
//! platform → unspent coins, as a ledger whose entries add up exactly to what the viewer paid.

use crate::bundles::{Item, Mix};
use crate::error::{Error, Result};
use crate::lots::{share, Lot, Wallet};
use crate::money::{decimal_string, diamonds, percent, round, Fraction, Money, RoundingPoint};
use crate::rate_card::{AgencyPayer, CreatorTerms, RateCard, Tax};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// Who receives a part of the viewer's money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// VAT or sales tax.
    Tax,
    /// The app store's commission.
    StoreFee,
    /// Card processing.
    PaymentFee,
    /// The creator's earnings (after an agency cut the creator pays).
    Creator,
    /// The creator's agency.
    Agency,
    /// What the platform keeps.
    Platform,
    /// Net value of coins bought but not (yet) gifted, held by the platform.
    UnspentCoins,
}

/// One part of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FlowEntry {
    /// Who receives it.
    pub to: Recipient,
    /// How much.
    pub amount: Money,
    /// `amount` as a percentage of what the viewer pays ([`RoundingPoint::Percent`]), when the
    /// viewer pays anything.
    #[serde(serialize_with = "crate::money::optional_decimal_string")]
    #[schemars(with = "Option<String>")]
    pub percent: Option<Decimal>,
}

/// What a purchase line buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PurchaseKind {
    /// A bundle from the rate card.
    Bundle,
    /// A custom amount.
    Custom,
}

/// One line of purchases with what each purchase's money becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PurchaseLine {
    /// A bundle or a custom amount.
    pub kind: PurchaseKind,
    /// Index of the bundle on the rate card (bundles only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bundle: Option<usize>,
    /// Coins per purchase (bonus included).
    pub coins: u64,
    /// Number of purchases.
    pub count: u64,
    /// Listed price of one purchase.
    pub price: Money,
    /// What the viewer pays for one purchase (price plus any tax on top).
    pub viewer_pays: Money,
    /// What the viewer pays for the whole line (`viewer_pays` × `count`).
    pub total: Money,
    /// Tax in one purchase.
    pub tax: Money,
    /// Store fee on one purchase.
    pub store_fee: Money,
    /// Payment fee on one purchase.
    pub payment_fee: Money,
    /// What remains of one purchase for the platform and creator.
    pub net: Money,
}

/// Coins spent on one thing (a gift, or plain coins), with what they cost and earn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spend {
    /// Gift id, or `coins`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Coins per unit.
    pub coins_each: u64,
    /// Units.
    pub count: u64,
}

/// Plain coins spent on nothing in particular (a question in coins or money), as one spend.
pub fn plain_coins(card: &RateCard, coins: u64) -> Vec<Spend> {
    if coins == 0 {
        return Vec::new();
    }
    vec![Spend {
        id: "coins".into(),
        name: card.coin_name.clone(),
        coins_each: coins,
        count: 1,
    }]
}

/// What one spend cost and earned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SpendResult {
    /// Gift id, or `coins`.
    pub gift: String,
    /// Display name.
    pub name: String,
    /// Units.
    pub count: u64,
    /// Coins in all.
    pub coins: u64,
    /// What those coins cost the viewer (first-in-first-out from the purchases).
    pub cost: Money,
    /// Diamonds the creator receives (per-diamond model).
    pub diamonds: u64,
    /// The creator's earnings from it, exact (before crediting rounds toward zero).
    #[serde(serialize_with = "decimal_string")]
    #[schemars(with = "String")]
    pub creator_earnings: Decimal,
    /// Its part of the earnings credited ([`RoundingPoint::CreatorCash`], cumulatively: the
    /// credited total rounded after each spend, less the one before), so the spends add up to
    /// what the creator is credited.
    pub creator_credited: Money,
}

/// The creator's side of a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CreatorSide {
    /// Diamonds received (0 under a share-of-net model).
    pub diamonds: u64,
    /// Exact value of the earnings (may hold a fraction of a cent).
    #[serde(serialize_with = "decimal_string")]
    #[schemars(with = "String")]
    pub earnings_exact: Decimal,
    /// Earnings credited, rounded toward zero to the minor unit.
    pub earnings: Money,
    /// Agency cut.
    pub agency: Money,
    /// What the creator keeps: earnings less an agency cut the creator pays.
    pub keeps: Money,
}

/// A purchase and its spends, followed to the cent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Ledger {
    /// Total the viewer pays.
    pub viewer_pays: Money,
    /// The purchases.
    pub purchases: Vec<PurchaseLine>,
    /// The spends.
    pub spends: Vec<SpendResult>,
    /// The creator's side.
    pub creator: CreatorSide,
    /// Coins left unspent.
    pub unspent_coins: u64,
    /// What the unspent coins cost the viewer.
    pub unspent_cost: Money,
    /// Where the money went; adds up to `viewer_pays`.
    pub flow: Vec<FlowEntry>,
}

/// One purchase's money, split: what the viewer pays, the tax in it, the fees, and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// What the viewer pays (price plus any tax on top).
    pub viewer_pays: Money,
    /// VAT inside, or sales tax on top.
    pub tax: Money,
    /// The store's commission.
    pub store_fee: Money,
    /// Card processing.
    pub payment_fee: Money,
    /// Base of a share-of-net creator: price after tax and store fee.
    pub after_store: Money,
    /// What remains for the platform and creator.
    pub net: Money,
}

/// The rates of a card as exact fractions, to split any purchase quickly.
#[derive(Debug, Clone, Copy)]
pub struct Splitter {
    tax: Option<(bool, Fraction)>,
    store: Fraction,
    payment: Fraction,
    fixed: Money,
}

impl Splitter {
    /// The splitter for `card`.
    pub fn for_card(card: &RateCard) -> Splitter {
        Splitter {
            tax: match card.tax {
                Tax::None => None,
                Tax::Inclusive(r) => Some((true, Fraction::from_decimal(r).inclusive_share())),
                Tax::OnTop(r) => Some((false, Fraction::from_decimal(r))),
            },
            store: Fraction::from_decimal(card.store_fee_rate),
            payment: Fraction::from_decimal(card.payment_fee.rate),
            fixed: card.payment_fee.fixed,
        }
    }

    /// Splits one purchase at listed price `price`.
    pub fn split(&self, price: Money) -> Result<Split> {
        let cur = price.currency();
        let m = |minor: i128| Money::from_minor(minor, cur);
        let (viewer_pays, tax) = match self.tax {
            None => (price, Money::zero(cur)),
            Some((true, share)) => (price, m(share.apply(price.minor(), RoundingPoint::Tax)?)),
            Some((false, rate)) => {
                let tax = m(rate.apply(price.minor(), RoundingPoint::Tax)?);
                (price.checked_add(tax)?, tax)
            }
        };
        let ex_tax = viewer_pays.checked_sub(tax)?;
        let store_fee = m(self.store.apply(ex_tax.minor(), RoundingPoint::Fee)?);
        let payment_fee = m(self
            .payment
            .apply(viewer_pays.minor(), RoundingPoint::Fee)?)
        .checked_add(self.fixed)?;
        let after_store = ex_tax.checked_sub(store_fee)?;
        Ok(Split {
            viewer_pays,
            tax,
            store_fee,
            payment_fee,
            after_store,
            net: after_store.checked_sub(payment_fee)?,
        })
    }
}

/// Splits one purchase at listed price `price` into tax, fees and net.
pub fn split_purchase(card: &RateCard, price: Money) -> Result<Split> {
    Splitter::for_card(card).split(price)
}

/// Follows the money of `mix` bought on `card` and `spends` made from it, first-in-first-out
/// over the purchases in the mix's order.
pub fn ledger(card: &RateCard, mix: &Mix, spends: &[Spend]) -> Result<Ledger> {
    let cur = card.currency;
    let mut purchases = Vec::with_capacity(mix.lines.len());
    let mut lots = Vec::with_capacity(mix.lines.len());
    let (mut nets, mut bases) = (Vec::new(), Vec::new());
    for line in &mix.lines {
        let price = Money::from_minor(
            i64::try_from(line.price).map_err(|_| Error::overflow("", "a price"))?,
            cur,
        );
        let m = split_purchase(card, price)?;
        let times = |x: Money| x.checked_mul_count(line.count);
        lots.push(Lot {
            coins: line.coins * line.count,
            cost: times(m.viewer_pays)?,
        });
        nets.push(times(m.net)?);
        bases.push(times(m.after_store)?);
        purchases.push(PurchaseLine {
            kind: match line.item {
                Item::Bundle(_) => PurchaseKind::Bundle,
                Item::Custom => PurchaseKind::Custom,
            },
            bundle: match line.item {
                Item::Bundle(i) => Some(i),
                Item::Custom => None,
            },
            coins: line.coins,
            count: line.count,
            price,
            viewer_pays: m.viewer_pays,
            total: times(m.viewer_pays)?,
            tax: m.tax,
            store_fee: m.store_fee,
            payment_fee: m.payment_fee,
            net: m.net,
        });
    }
    let mut wallet = Wallet::new(lots);

    let mut results = Vec::with_capacity(spends.len());
    let mut diamonds_total = 0u64;
    let mut exact_total = Decimal::ZERO;
    let overflow = || Error::overflow("", "the creator's earnings");
    for s in spends {
        let coins = s.coins_each.checked_mul(s.count).ok_or_else(overflow)?;
        let slices = wallet.spend(coins)?;
        let mut cost = Money::zero(cur);
        let mut basis = Money::zero(cur);
        for slice in &slices {
            cost = cost.checked_add(wallet.cost(slice)?)?;
            let whole = wallet.lots()[slice.lot].coins;
            basis = basis.checked_add(share(bases[slice.lot], whole, slice.from, slice.to)?)?;
        }
        let (diamonds, earnings) = match card.creator {
            CreatorTerms::PerDiamond {
                diamonds_per_coin,
                diamond_value,
            } => {
                // Diamonds are whole: each gift's are rounded down on its own.
                let each = diamonds(s.coins_each, Fraction::from_decimal(diamonds_per_coin))?;
                let d = each.checked_mul(s.count).ok_or_else(overflow)?;
                let value = Decimal::from(d)
                    .checked_mul(diamond_value)
                    .ok_or_else(overflow)?;
                (d, value)
            }
            CreatorTerms::ShareOfNet { share } => (0, basis.times(share)?),
        };
        diamonds_total = diamonds_total.checked_add(diamonds).ok_or_else(overflow)?;
        let credited_before = round(exact_total, cur, RoundingPoint::CreatorCash)?;
        exact_total = exact_total.checked_add(earnings).ok_or_else(overflow)?;
        let credited_after = round(exact_total, cur, RoundingPoint::CreatorCash)?;
        results.push(SpendResult {
            gift: s.id.clone(),
            name: s.name.clone(),
            count: s.count,
            coins,
            cost,
            diamonds,
            creator_earnings: earnings.normalize(),
            creator_credited: credited_after.checked_sub(credited_before)?,
        });
    }

    let earnings = round(exact_total, cur, RoundingPoint::CreatorCash)?;
    let agency = round(
        earnings.times(card.agency.rate)?,
        cur,
        RoundingPoint::Agency,
    )?;
    let (keeps, platform_pays_agency) = match card.agency.paid_by {
        AgencyPayer::Creator => (earnings.checked_sub(agency)?, Money::zero(cur)),
        AgencyPayer::Platform => (earnings, agency),
    };

    let mut net_spent = Money::zero(cur);
    let mut unspent_net = Money::zero(cur);
    let mut unspent_cost = Money::zero(cur);
    for (i, lot) in wallet.lots().iter().enumerate() {
        let spent = wallet.spent(i);
        let spent_net = share(nets[i], lot.coins, 0, spent)?;
        net_spent = net_spent.checked_add(spent_net)?;
        unspent_net = unspent_net.checked_add(nets[i].checked_sub(spent_net)?)?;
        unspent_cost = unspent_cost.checked_add(share(lot.cost, lot.coins, spent, lot.coins)?)?;
    }
    let platform = net_spent
        .checked_sub(earnings)?
        .checked_sub(platform_pays_agency)?;

    let sum = |f: fn(&PurchaseLine) -> Money| -> Result<Money> {
        purchases.iter().try_fold(Money::zero(cur), |acc, p| {
            acc.checked_add(f(p).checked_mul_count(p.count)?)
        })
    };
    let viewer_pays = sum(|p| p.viewer_pays)?;
    let flow = vec![
        FlowEntry {
            to: Recipient::Tax,
            amount: sum(|p| p.tax)?,
            percent: None,
        },
        FlowEntry {
            to: Recipient::StoreFee,
            amount: sum(|p| p.store_fee)?,
            percent: None,
        },
        FlowEntry {
            to: Recipient::PaymentFee,
            amount: sum(|p| p.payment_fee)?,
            percent: None,
        },
        FlowEntry {
            to: Recipient::Creator,
            amount: keeps,
            percent: None,
        },
        FlowEntry {
            to: Recipient::Agency,
            amount: agency,
            percent: None,
        },
        FlowEntry {
            to: Recipient::Platform,
            amount: platform,
            percent: None,
        },
        FlowEntry {
            to: Recipient::UnspentCoins,
            amount: unspent_net,
            percent: None,
        },
    ];
    let flow = flow
        .into_iter()
        .map(|e| FlowEntry {
            percent: percent(e.amount, viewer_pays),
            ..e
        })
        .collect();
    Ok(Ledger {
        viewer_pays,
        purchases,
        spends: results,
        creator: CreatorSide {
            diamonds: diamonds_total,
            earnings_exact: exact_total.normalize(),
            earnings,
            agency,
            keeps,
        },
        unspent_coins: wallet.balance(),
        unspent_cost,
        flow,
    })
}

/// The sum of a flow's entries (equal to `viewer_pays` for every ledger).
pub fn total(flow: &[FlowEntry]) -> Result<Money> {
    let cur = flow
        .first()
        .map(|e| e.amount.currency())
        .unwrap_or(crate::money::Currency::USD);
    Money::sum(cur, flow.iter().map(|e| e.amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundles::Optimizer;
    use crate::presets;

    fn gift(card: &RateCard, id: &str, count: u64) -> Spend {
        let g = card.gifts.find(id, "").unwrap();
        Spend {
            id: g.id.clone(),
            name: g.name.clone(),
            coins_each: g.coins,
            count,
        }
    }

    #[test]
    fn a_lion_on_ios_reconciles_and_pays_the_creator_about_150() {
        let card = presets::rate_card("tiktok-ios", "").unwrap();
        let mix = Optimizer::for_card(card).cheapest(29_999);
        let l = ledger(card, &mix, &[gift(card, "lion", 1)]).unwrap();
        assert_eq!(total(&l.flow).unwrap(), l.viewer_pays);
        assert_eq!(l.creator.diamonds, 29_999);
        assert_eq!(l.creator.earnings_exact.to_string(), "149.995");
        assert_eq!(l.creator.earnings.to_string(), "149.99");
        // Each gift's credited part is the same figure the creator is credited.
        assert_eq!(l.spends[0].creator_credited.to_string(), "149.99");
        assert_eq!(l.flow[3].percent.unwrap().to_string(), "33.05");
        assert_eq!(
            l.spends[0].cost.checked_add(l.unspent_cost).unwrap(),
            l.viewer_pays
        );
    }

    #[test]
    fn credited_parts_of_many_gifts_add_up_to_the_credit() {
        let card = presets::rate_card("tiktok-web", "").unwrap();
        // Three gifts of 1 coin earn 0.005 each: credited 0.00, 0.01, 0.00 (0.015 → 0.01).
        let spends = [
            gift(card, "rose", 1),
            gift(card, "rose", 1),
            gift(card, "rose", 1),
        ];
        let mix = Optimizer::for_card(card).cheapest(3);
        let l = ledger(card, &mix, &spends).unwrap();
        let credited: Vec<String> = l
            .spends
            .iter()
            .map(|s| s.creator_credited.to_string())
            .collect();
        assert_eq!(credited, ["0.00", "0.01", "0.00"]);
        assert_eq!(l.creator.earnings.to_string(), "0.01");
    }

    #[test]
    fn vat_inclusive_prices_carry_their_tax() {
        let card = presets::rate_card("tiktok-ios-gbp", "").unwrap();
        let mix = Optimizer::for_card(card).cheapest(65);
        let l = ledger(card, &mix, &[]).unwrap();
        // £0.89 including 20 % VAT: VAT = 0.89 × 0.2 / 1.2 = 0.148… → £0.15.
        assert_eq!(l.viewer_pays.to_string(), "0.89");
        assert_eq!(l.flow[0].amount.to_string(), "0.15");
        // Store fee 30 % of £0.74 = £0.222 → £0.22; the rest waits in unspent coins.
        assert_eq!(l.flow[1].amount.to_string(), "0.22");
        assert_eq!(l.flow[6].amount.to_string(), "0.52");
        assert_eq!(total(&l.flow).unwrap(), l.viewer_pays);
    }
}
