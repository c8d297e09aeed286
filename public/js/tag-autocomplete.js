// Tag suggestions for the posting form: a progressive enhancement. Each input marked
// data-tag-autocomplete="TYPE" holds comma-separated tags (as on AO3) and points at an empty
// <datalist>; as the writer types, this fills the list with existing tags for the entry being
// typed (the last one), from GET /api/v1/tags/autocomplete. Each option's value is the whole
// field with that entry completed, because a datalist offers values for the entire input.
// Without this script (or without JavaScript) the fields are plain text inputs that work the same.
/* global document, window */

const DELAY_MS = 200;
const MIN_LENGTH = 2;

/** Splits "A, B, Dra" into the finished entries and the one being typed. */
function splitEntries(value) {
  const parts = value.split(',');
  const current = parts.pop() ?? '';
  const done = parts.map((p) => p.trim()).filter((p) => p !== '');
  return { done, current: current.trim() };
}

function firstFandom(input) {
  const id = input.dataset.fandomField;
  const field = id ? document.getElementById(id) : null;
  if (!field) return '';
  return field.value.split(',').map((p) => p.trim()).find((p) => p !== '') ?? '';
}

function fillList(list, done, names) {
  const prefix = done.length > 0 ? `${done.join(', ')}, ` : '';
  const options = names
    .filter((name) => !done.some((d) => d.toLowerCase() === name.toLowerCase()))
    .map((name) => {
      const option = document.createElement('option');
      option.value = `${prefix}${name}`;
      option.label = name;
      return option;
    });
  list.replaceChildren(...options);
}

function enhance(input) {
  const list = input.list;
  if (!list) return;
  const type = input.dataset.tagAutocomplete;
  let timer = 0;
  let pending = null;
  let lastQuery = '';

  async function suggest() {
    const { done, current } = splitEntries(input.value);
    if (current.length < MIN_LENGTH) {
      list.replaceChildren();
      lastQuery = '';
      return;
    }
    // An empty type (the mute form) asks for tags of every type.
    const params = new URLSearchParams(type ? { type, q: current } : { q: current });
    const fandom = type === 'fandom' ? '' : firstFandom(input);
    if (fandom) params.set('fandom', fandom);
    const query = params.toString();
    if (query === lastQuery) return;
    lastQuery = query;
    pending?.abort();
    pending = new AbortController();
    const lookUp = async (search) => {
      const response = await fetch(`/api/v1/tags/autocomplete?${search}`, { signal: pending.signal, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return [];
      const body = await response.json();
      return (body.tags ?? []).map((t) => t.name);
    };
    try {
      let names = await lookUp(query);
      // A fandom nobody has wrangled yet has no tags under it: suggest from the whole archive.
      if (names.length === 0 && fandom) {
        params.delete('fandom');
        names = await lookUp(params.toString());
      }
      fillList(list, done, names);
    } catch {
      // A failed or cancelled look-up leaves the field as it is: suggestions are optional.
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void suggest(), DELAY_MS);
  });
}

for (const input of document.querySelectorAll('input[data-tag-autocomplete]')) enhance(input);
