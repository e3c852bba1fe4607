import type { Section } from "./build-section-tree";

// Headings of sections that other readers import (contacts, objectives, severities) or that
// describe rather than instruct. Their lists are never steps.
const REFERENCE_TITLE =
  /\b(?:contacts?|escalation (?:contacts|matrix)|rto|rpo|recovery (?:time|point) objectives?|recovery objectives|objectives|severity|severities|incident (?:classification|levels)|classification|table of contents|contents|toc|overview|purpose|scope|meaning|impact|background|references?|resources|see also|related|links|glossary|introduction|about|summary|revision history|change ?log|document control|version history|prerequisites|requirements|dependencies)\b/iu;

/** True when the section is one that describes (contacts, objectives, overview, references) rather than a phase of steps. */
export function isReferenceSection(section: Section): boolean {
  return REFERENCE_TITLE.test(section.title);
}
