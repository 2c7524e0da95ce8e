// Most list words suggested under a phrase word field (the worker's popup method cuts the core's
// answer to this many).
export const WORD_SUGGESTIONS_MAX = 5;
