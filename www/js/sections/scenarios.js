// Scenarios: save the whole view under a name (kept in this browser), open it again, export it
// as a JSON file and import such a file; and the link that reproduces the view.
import { h, replace } from '../dom.js';
import { field } from '../fields.js';
import * as store from '../scenarios.js';
import { toScenario } from '../state.js';

export default {
  id: 'scenarios',
  nav: 'Scenarios',
  title: 'Scenarios',
  intro: 'The address of this page always holds the whole view, so a link reproduces it. Scenarios keep views by name in this browser, and travel as JSON files.',

  mount(el, app) {
    const name = h('input', { type: 'text', autocomplete: 'off', maxlength: '80', value: 'My scenario' });
    const nameField = field({ label: 'Scenario name', control: name });
    const file = h('input', { type: 'file', accept: 'application/json,.json' });
    const fileField = field({ label: 'Import a scenario file', control: file });
    const status = h('p', { class: 'scenario-status', role: 'status' });
    const list = h('div', { class: 'saved' });
    const say = (text, isError = false) => {
      status.textContent = text;
      status.classList.toggle('is-error', isError);
    };
    this.ui = { list, say };

    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      try {
        const scenario = await store.readFile(chosen);
        app.update(scenario.state, { sync: true });
        name.value = scenario.name;
        say(`Imported “${scenario.name}”.`);
      } catch (e) {
        say(`Could not import ${chosen.name}: ${e.message}.`, true);
      } finally {
        file.value = '';
      }
    });

    replace(
      el,
      h(
        'div',
        { class: 'scenario-actions' },
        nameField.el,
        h('div', { class: 'button-row' },
          h('button', {
            type: 'button',
            class: 'button button--primary',
            text: 'Save in this browser',
            onclick: () => {
              try {
                store.save(name.value.trim() || 'My scenario', app.state);
                say(`Saved “${name.value.trim() || 'My scenario'}”.`);
              } catch (e) {
                say(`Could not save: ${e.message}.`, true);
              }
              this.renderList(app);
            },
          }),
          h('button', {
            type: 'button',
            class: 'button',
            text: 'Export as a file',
            onclick: () => {
              const n = name.value.trim() || 'My scenario';
              store.download(store.fileName(n), `${JSON.stringify(toScenario(app.state, n), null, 2)}\n`);
              say(`Exported “${n}”.`);
            },
          }),
          h('button', {
            type: 'button',
            class: 'button',
            text: 'Copy the link',
            onclick: async () => {
              try {
                await navigator.clipboard.writeText(location.href);
                say('The link to this view is copied.');
              } catch {
                say('The browser did not allow copying: copy the address bar instead.', true);
              }
            },
          }),
        ),
        fileField.el,
      ),
      status,
      list,
    );
    this.renderList(app);
  },

  render() {},

  renderList(app) {
    const saved = store.loadSaved();
    const problems = [];
    if (!saved.available) problems.push(h('p', { class: 'notice-error', text: 'This browser keeps no local storage for this page, so scenarios cannot be saved here; export them as files instead.' }));
    if (saved.damagedStore) {
      problems.push(
        h('div', { class: 'damaged', role: 'alert' },
          h('p', null, h('strong', { text: 'Your saved scenarios could not be read: ' }), `${saved.damagedStore.problem}. They are kept as they are; download them to recover what you can. Saving a new scenario moves them aside, still kept.`),
          h('button', { type: 'button', class: 'button', text: 'Download the saved text', onclick: () => store.download('giftsim-saved-scenarios-damaged.json', saved.damagedStore.text) }),
        ),
      );
    }
    for (const backup of saved.backups) {
      problems.push(
        h('div', { class: 'damaged' },
          h('p', { text: `Unreadable saved scenarios, moved aside on ${backup.key.slice(-24)}.` }),
          h('div', { class: 'button-row' },
            h('button', { type: 'button', class: 'button', text: 'Download', onclick: () => store.download('giftsim-saved-scenarios-damaged.json', backup.text) }),
            h('button', { type: 'button', class: 'button button--quiet', text: 'Delete', onclick: () => { store.removeBackup(backup.key); this.renderList(app); } }),
          ),
        ),
      );
    }
    const rows = saved.entries.map((entry, index) => {
      const remove = h('button', { type: 'button', class: 'button button--quiet', text: 'Delete', onclick: () => { store.remove(index); this.renderList(app); } });
      if (!entry.scenario) {
        remove.setAttribute('aria-label', `Delete damaged scenario ${index + 1}`);
        return h('li', { class: 'saved-item is-damaged' },
          h('span', null, h('strong', { text: `Scenario ${index + 1} is damaged: ` }), entry.problem),
          h('div', { class: 'button-row' },
            h('button', { type: 'button', class: 'button', text: 'Download', 'aria-label': `Download damaged scenario ${index + 1}`, onclick: () => store.download(`giftsim-damaged-${index + 1}.json`, JSON.stringify(entry.raw, null, 2)) }),
            remove,
          ),
        );
      }
      const { name, state } = entry.scenario;
      remove.setAttribute('aria-label', `Delete ${name}`);
      const when = typeof entry.raw.saved_at === 'string' ? new Date(entry.raw.saved_at) : null;
      return h('li', { class: 'saved-item' },
        h('span', null, h('strong', { text: name }), h('span', { class: 'muted', text: when && !Number.isNaN(when.getTime()) ? ` saved ${when.toLocaleString(app.state.locale)}` : '' })),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'button', text: 'Open', 'aria-label': `Open ${name}`, onclick: () => { app.update(state, { sync: true }); this.ui.say(`Opened “${name}”.`); } }),
          h('button', { type: 'button', class: 'button', text: 'Export', 'aria-label': `Export ${name}`, onclick: () => store.download(store.fileName(name), `${JSON.stringify(entry.raw, null, 2)}\n`) }),
          remove,
        ),
      );
    });
    replace(
      this.ui.list,
      problems,
      h('h3', { class: 'subhead', text: 'Saved in this browser' }),
      rows.length ? h('ul', { class: 'saved-list' }, rows) : h('p', { class: 'muted', text: 'Nothing saved yet.' }),
    );
  },
};
