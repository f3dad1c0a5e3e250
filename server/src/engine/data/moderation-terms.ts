// The words `content-moderation` looks for in prompts: the one list, kept short and conservative.
//
// Policy:
// - Source. Leonardo's API error catalogue (reference data, not in this repo; its entry "403 Forbidden:
//   content moderation filter" is knowledge/api-errors.ts `content-moderation`) shows the filter answering `content moderation filter: naked`, and
//   says prompts that may lead to pornography or violence (the Terms of Service "Limitations of
//   Use") are rejected. The list starts from that example and adds only words whose sole common
//   meaning is sexual nudity or pornography, so an ordinary prompt never matches.
// - Scope. Prompts only: fields named `prompt` (raw requests and SDK calls, any endpoint). Never
//   `negative_prompt` / `negativePrompt`: asking the model to avoid a word is what users should do.
// - Matching. Whole words, case-insensitive (`Naked` and `NAKED` match, `nakedness` does not).
// - Severity. Information: the filter is Leonardo's, it changes, and a match is a hint, not a verdict.
// Adding a term: one entry, one line of reason; prefer leaving a word out to a false alarm.

export interface ModerationTerm {
  term: string;
  /** Why the term is on the list, in one line. */
  reason: string;
}

export const MODERATION_TERMS: readonly ModerationTerm[] = [
  { term: 'naked', reason: "The catalogue's own sample: the API answered `content moderation filter: naked`." },
  { term: 'nude', reason: 'Synonym of the catalogue sample; sexual nudity is barred by the Limitations of Use.' },
  { term: 'nudity', reason: 'Noun of the catalogue sample; same category.' },
  { term: 'topless', reason: 'Describes nudity and nothing else in an image prompt.' },
  { term: 'nsfw', reason: 'Asks outright for content outside the Terms of Service.' },
  { term: 'porn', reason: 'Pornography is named by the catalogue as content the filter rejects.' },
  { term: 'pornographic', reason: 'Adjective of the same category.' },
  { term: 'hentai', reason: 'A genre of sexually explicit drawings; no other meaning.' },
];
