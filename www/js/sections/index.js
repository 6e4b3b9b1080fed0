// The page's sections, in page order. A section is one module with
//   id, nav, title, intro        its anchor (#id), its name in the contents, heading and intro
//   mount(el, app)               builds its controls once
//   queries(app)                 the engine questions it needs: { name: { op, input, mapPath? } | null }
//   render(app)                  draws its answers from app.results.get(name) (last good value + error)
//   sync(app)                    puts the state back into its controls after an outside change
// Adding a section is one module and one line here.
import giftCost from './gift-cost.js';
import coinsMoney from './coins-money.js';
import flow from './flow.js';
import creator from './creator.js';
import compare from './compare.js';
import rateCard from './rate-card.js';
import scenarios from './scenarios.js';

export const sections = [giftCost, coinsMoney, flow, creator, compare, rateCard, scenarios];
