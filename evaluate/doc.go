// Package evaluate scores predicted quotes against gold annotations, by the
// method of the Gender Gap Tracker (GGT), and explains the errors.
//
// It is a port of the project's reference scorer, score.py, and gives the
// same figures to the last bit on the same files: the same arithmetic in the
// same order, and the same reading of odd input.
//
// # Files
//
// A gold file holds one article per line (JSON Lines), or one
// pretty-printed article for the whole file:
//
//	{"id": "a1", "text": "…", "quotes": [{"start": 130, "end": 154,
//	  "kind": "direct", "speaker": "he", "speaker_start": 160,
//	  "speaker_end": 162, "speaker_ref": "Owen Baptiste", "cue": "said",
//	  "cue_speech": true, …}]}
//
// A prediction file holds one line per article, as the quotegraph command
// prints it:
//
//	{"id": "a1", "quotes": [{"start": 130, "end": 154, "kind": "direct",
//	  "cue": {"start": 155, "end": 159, "text": "said"},
//	  "speaker": {"name": "Owen Baptiste", "mention": {"start": 160, "end": 162}},
//	  "method": "cue-after-quote", "confidence": 0.9}]}
//
// Offsets are half-open byte ranges into the UTF-8 text. ReadGold and
// ReadPredictions read both the way score.py does, and report each
// malformed line with its file and line.
//
// # Matching
//
// Within each article, gold quotes are taken in file order. Each takes the
// prediction, among those not yet taken, that covers the largest share of
// its span, if that share is strictly above the threshold; the first one on
// ties. Share is overlap / gold length, so a prediction longer than its
// gold quote covers all of it. Matching is greedy: a prediction that spans
// two gold quotes goes to the first, and the second is missed.
//
// # Figures
//
// Score counts matched gold quotes (TP), unmatched ones (FN) and unmatched
// predictions (FP), and gives precision, recall and F1. Over matched quotes:
//
//   - speaker mention accuracy: the predicted speaker mention overlaps the
//     gold one (over gold quotes whose speaker is named in the text);
//   - resolved speaker accuracy: the predicted name is the same person as
//     the gold resolved name (see SamePerson). The gold name is speaker_ref,
//     or else the mention itself unless it is a pronoun ("he", "they",
//     "who"…) or starts with "he " or "she ";
//   - verb accuracy: the same cue text, case-folded and trimmed (over gold
//     quotes with a cue);
//   - recall by kind: direct, mixed, indirect.
//
// With speechOnly, gold quotes whose cue is not a reporting verb
// (cue_speech false: beliefs, intentions, documents) are left out of
// recall, but still take the prediction that matches them, which is then no
// false positive.
//
// # Differences from score.py
//
// Where score.py would go on with input that can only be a mistake, the
// readers report an error instead: gold offsets that are not whole numbers,
// offsets given as strings, IDs that are not strings, a kind that is not a
// string. Python's NaN and Infinity are not JSON and are refused. Lower-casing
// is Go's, except for "İ", which lowers to "i" and a combining dot as in
// Python; other differences (the Greek final sigma) cannot change the
// figures of English news.
//
// score.py reports each figure at two thresholds, Loose (0.3) and Strict
// (0.8); Result.String prints a result in its layout.
//
// # Error analysis
//
// Diagnose matches exactly as Score does and lists each Mistake: the
// misses (with the prediction that came nearest), the false positives (with
// the gold quote they came nearest) and the matches with a wrong speaker.
// WriteMistakes writes them as JSON Lines or as text; WriteConfusion
// writes, for each rule that made predictions (their "method"), how many it
// made, matched, got wrong, or got the speaker of wrong.
package evaluate
