package segment

// sentences cuts every paragraph into sentences. A sentence ends after ., !,
// ? or … (with any closing marks and brackets that follow) when the next
// token starts a new word in upper case, a number or a quotation; never after
// an abbreviation (Mr., Sen., Jan.) or a single initial (J. Smith).
func (d *Doc) sentences() {
	if cap(d.SentOf) < len(d.Tokens) {
		d.SentOf = make([]int32, len(d.Tokens))
	}
	d.SentOf = d.SentOf[:len(d.Tokens)]
	stops, k := d.stops, 0
	for _, p := range d.Paras {
		start := p.First
		// Only the paragraph's stops can end one of its sentences; the
		// closers taken along after a stop are never stops themselves.
		for ; k < len(stops) && int(stops[k]) < p.Last; k++ {
			i := int(stops[k])
			// Take closing marks and brackets along.
			j := i + 1
			for j < p.Last && d.closer(j) {
				j++
			}
			if j >= p.Last {
				continue
			}
			next := d.Tokens[j]
			if !next.Is(SpaceBefore) {
				continue
			}
			// What follows is asked first, as it is cheaper than the
			// stop's own test, which may look a word up, and most stops
			// end their paragraph.
			if (next.Is(Upper) || next.Kind == Number || next.Kind == Mark || d.Text[next.Start] == '(') && d.endsSentence(i, p.Last) {
				d.addSentence(start, j)
				start = j
			}
		}
		if start < p.Last {
			d.addSentence(start, p.Last)
		}
	}
}

func (d *Doc) addSentence(first, last int) {
	idx := int32(len(d.Sents))
	if len(d.Sents) == cap(d.Sents) {
		d.Sents = grow(d.Sents, first, len(d.Tokens))
	}
	d.Sents = append(d.Sents, Range{
		Start: int(d.Tokens[first].Start), End: int(d.Tokens[last-1].End),
		First: first, Last: last,
	})
	// Eight at a time: a loop of one store a turn would cost four more
	// instructions a token.
	sentOf := d.SentOf[first:last]
	for ; len(sentOf) >= 8; sentOf = sentOf[8:] {
		eight := (*[8]int32)(sentOf)
		eight[0], eight[1], eight[2], eight[3] = idx, idx, idx, idx
		eight[4], eight[5], eight[6], eight[7] = idx, idx, idx, idx
	}
	for k := range sentOf {
		sentOf[k] = idx
	}
}

func (d *Doc) endsSentence(i, last int) bool {
	t := d.Tokens[i]
	if t.Kind == Word && d.Text[t.End-1] == '.' && i+1 < last {
		// "… returned to the U.S. "It was hard," …", "… in Washington, D.C.
		// Its chief said …": an initialism's dot ends a sentence before a
		// quotation or a capitalized function word.
		n := d.Tokens[i+1]
		if !n.Is(SpaceBefore) {
			return false
		}
		return n.Kind == Mark || n.Kind == Word && n.Is(Upper) && sentenceStarters.has(d.Text[n.Start:n.End])
	}
	if t.Kind != Punct {
		return false
	}
	switch d.Text[t.Start:t.End] {
	case "!", "?", "…", "...":
		return true
	case ".":
	default:
		return false
	}
	if i == 0 || d.Tokens[i-1].End != t.Start || d.Tokens[i-1].Kind != Word {
		return true
	}
	prev := d.TokenText(i - 1)
	if len(prev) == 1 && d.Tokens[i-1].Is(Upper) {
		return false // an initial: J. Smith
	}
	if v, ok := abbreviations.lookup(prev); ok {
		if v == "maybe-end" {
			return true
		}
		// "No. 1" is an abbreviation, "said no." is not.
		if prev == "no" || prev == "No" {
			return i+1 < last && d.Tokens[i+1].Kind == Number
		}
		return false
	}
	return true
}

// closer reports whether token j is a closing mark or bracket glued to what
// precedes it.
func (d *Doc) closer(j int) bool {
	t := d.Tokens[j]
	if t.Is(SpaceBefore) {
		return false
	}
	switch d.Text[t.Start:t.End] {
	case "\"", "”", "’", "'", "»", ")", "]":
		return true
	}
	return false
}
