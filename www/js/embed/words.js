// The widget's words: its part of the catalogue (www/i18n/widget/LANG.js). Its English is
// imported here and given to ../i18n.js, so it comes with the code (bundled too) and English costs
// no request; another language's part is fetched with the rest of that language's words. Imported
// by the widget and by the embed code's generator (the calculator page's iframe title).
import { provide } from '../i18n.js';
import english from '../../i18n/widget/en.js';

/** The widget's part of the catalogue. */
const WIDGET_WORDS = 'widget';

provide(WIDGET_WORDS, 'en', english);
