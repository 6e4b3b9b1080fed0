// The page's sections, in page order. A section is one module with
//   id, nav, title, intro        its anchor (#id), its name in the page's section menu, heading and intro
//   mount(el, app)               builds its controls once
//   queries(app)                 the engine questions it needs: { name: question | null }, where a
//                                question is { op, input, mapPath?, mapError?, notice? } or
//                                { error } (a check made before asking); mapPath(path, error) and
//                                mapError(error) move or reword an error for the page's fields;
//                                notice: false keeps its errors out of the section's notice
//   render(app)                  draws its answers from app.results.get(name) (last good value + error)
//   sync(app)                    puts the state back into its controls after an outside change
//   defer                        (optional) true: first drawn just after the first answers show
// Adding a section is one module and one line here.
import giftCost from './gift-cost.js';
import coinsMoney from './coins-money.js';
import flow from './flow.js';
import creator from './creator.js';
import compare from './compare.js';
import rateCard from './rate-card.js';
import spendingCheck from './spending-check/index.js';
import history from './history/index.js';
import scenarios from './scenarios.js';

export const sections = [giftCost, coinsMoney, flow, creator, compare, spendingCheck, history, rateCard, scenarios];
