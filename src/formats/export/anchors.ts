// Footnotes and other in-text links: writers mark targets with `<a name="fn1">` and point at
// them with `<a href="#fn1">`. In a download every target needs an id that is valid (an XML name:
// epubcheck reads XHTML ids as such), unique within its file, and every `#…` link must reach an
// id that exists (epubcheck RSC-012). Anchor ids are prefixed with their group — `w` for the
// work's own summary and notes, `c3` for chapter 3's text and notes — so footnotes numbered from 1
// in every chapter stay apart even in the single-file HTML download.
//
// A link is resolved within its own group first (a chapter's footnotes), then anywhere in the
// work; a link to nothing loses its href and stays as text.
import { isElement, type XNode } from './xml.ts';

interface Place {
  id: string;
  doc: string;
}

const ASCII_NAME = /[^A-Za-z0-9._-]/g;

export class AnchorMap {
  private readonly byGroup = new Map<string, Map<string, Place>>();
  private readonly first = new Map<string, Place>();
  private readonly usedIds = new Set<string>();

  /** Registers the anchors of a fragment that will sit in `doc` (a file name; '' for one file). */
  add(nodes: readonly XNode[], group: string, doc: string): void {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const name = node.attrs.name;
      if (node.name === 'a' && name !== undefined) {
        delete node.attrs.name;
        const places = this.byGroup.get(group) ?? new Map<string, Place>();
        this.byGroup.set(group, places);
        if (!places.has(name)) {
          const id = this.uniqueId(doc, `${group}-${name.replace(ASCII_NAME, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`);
          node.attrs = { id, ...node.attrs };
          const place = { id, doc };
          places.set(name, place);
          if (!this.first.has(name)) this.first.set(name, place);
        }
      }
      this.add(node.children, group, doc);
    }
  }

  /** Points `#name` links at the ids given out by add(); call it once every fragment is added. */
  link(nodes: readonly XNode[], group: string, doc: string): void {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const href = node.attrs.href;
      if (node.name === 'a' && href?.startsWith('#')) {
        const name = decodeFragment(href.slice(1));
        const place = this.byGroup.get(group)?.get(name) ?? this.first.get(name);
        if (place) node.attrs.href = place.doc === doc ? `#${place.id}` : `${place.doc}#${place.id}`;
        else delete node.attrs.href;
      }
      this.link(node.children, group, doc);
    }
  }

  private uniqueId(doc: string, wanted: string): string {
    let id = wanted;
    for (let n = 2; this.usedIds.has(`${doc}#${id}`); n++) id = `${wanted}-${n}`;
    this.usedIds.add(`${doc}#${id}`);
    return id;
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
