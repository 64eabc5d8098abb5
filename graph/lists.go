package graph

import (
	"embed"
	"slices"
	"sync"

	"github.com/quotegraph/quotegraph/lexicon"
)

//go:embed data/*.txt
var data embed.FS

// list parses one of the package's own lists, by name without ".txt".
func list(name string) []lexicon.Entry {
	f, err := data.Open("data/" + name + ".txt")
	if err != nil {
		panic("graph: no list " + name) // ruled out by TestLists
	}
	defer f.Close()
	es, err := lexicon.Parse(f, name+".txt")
	if err != nil {
		panic("graph: " + err.Error()) // ruled out by TestLists
	}
	return es
}

// shared parses a list of package lexicon if it ships one by that name, so
// the graph follows the lists the rest of the pipeline uses (titles, given
// names, demonyms, places) without failing while they are being written.
func shared(name string) []lexicon.Entry {
	if !slices.Contains(lexicon.Names(), name) {
		return nil
	}
	return lexicon.Builtin(name)
}

// lists is every word list the graph runs on.
type lists struct {
	vocab     *lexicon.Table // phrase -> topic label ("" for itself)
	stop      *lexicon.Table // never a topic; value is the class
	places    *lexicon.Table // places: a topic even when an entity has the name
	events    *lexicon.Table
	particles *lexicon.Table
	relations *lexicon.Table // narration trigger -> "relation flags"
	boiler    *lexicon.Table
	titles    *lexicon.Table // titles and honorifics before a name
	given     *lexicon.Table // given names
	demonyms  *lexicon.Table
	groups    *lexicon.Table // heads of group names: officials, authorities
	orgs      *lexicon.Table // last words of the names of bodies: Foundation, Tower
	mutual    map[Relation]bool
	index     *wordIndex // every list above, word by word
}

// defaultLists holds the parsed default lists, loaded once.
type defaultLists struct {
	once                                   sync.Once
	vocab, stop                            []lexicon.Entry
	places, events, particles, relations   *lexicon.Table
	boiler, titles, given, demonyms, group *lexicon.Table
	orgs                                   *lexicon.Table
	mutual                                 map[Relation]bool
	lists                                  *lists
	// index holds the words of the lists that options cannot change:
	// all but vocab and stop.
	index *wordIndex
}

var defaults defaultLists

func loadDefaults() {
	d := &defaults
	d.vocab = list("topics")
	d.stop = slices.Concat(list("stopwords"), shared("pronouns"))
	d.index = newWordIndex()
	table := func(bit uint16, lists ...[]lexicon.Entry) *lexicon.Table {
		d.index.add(bit, lists...)
		return lexicon.NewTable(lists...)
	}
	d.places = table(inPlaces, shared("places"))
	d.events = table(inEvents, list("events"))
	d.particles = table(inParticles, list("particles"))
	rel := list("relations")
	d.relations = table(inRelations, rel)
	d.mutual = map[Relation]bool{}
	for _, e := range rel {
		if lexicon.HasFlag(e.Value, "mutual") {
			d.mutual[Relation(firstField(e.Value))] = true
		}
	}
	d.boiler = table(inBoiler, list("boilerplate"))
	d.titles = table(inTitles, shared("titles"), shared("honorifics"), class(d.stop, "title"), class(d.stop, "honorific"))
	d.given = table(inGiven, shared("names_male"), shared("names_female"))
	d.demonyms = table(inDemonyms, shared("demonyms"), class(d.stop, "adjective"))
	d.group = table(inGroups, shared("group_heads"), class(d.stop, "group"))
	d.orgs = table(inOrgs, shared("org_heads"), list("org_heads"))
	d.lists = d.build(nil, false, nil)
}

// class picks the entries of one class out of a list: the titles of the
// stop list ("president", "senator").
func class(es []lexicon.Entry, value string) []lexicon.Entry {
	var out []lexicon.Entry
	for _, e := range es {
		if e.Value == value {
			out = append(out, e)
		}
	}
	return out
}

func (d *defaultLists) build(topics [][]lexicon.Entry, replace bool, stop [][]lexicon.Entry) *lists {
	vocab := [][]lexicon.Entry{d.vocab}
	if replace {
		vocab = nil
	}
	vocab = slices.Concat(vocab, topics)
	stop = slices.Concat([][]lexicon.Entry{d.stop}, stop)
	index := d.index.clone()
	index.add(inVocab, vocab...)
	index.add(inStop, stop...)
	index.finish()
	return &lists{
		index:     index,
		vocab:     lexicon.NewTable(vocab...),
		stop:      lexicon.NewTable(stop...),
		places:    d.places,
		events:    d.events,
		particles: d.particles,
		relations: d.relations,
		boiler:    d.boiler,
		titles:    d.titles,
		given:     d.given,
		demonyms:  d.demonyms,
		groups:    d.group,
		orgs:      d.orgs,
		mutual:    d.mutual,
	}
}

// buildLists returns the lists for a set of options: the shared defaults
// when the options change no list.
func buildLists(o *options) *lists {
	defaults.once.Do(loadDefaults)
	if len(o.topics) == 0 && !o.replaceTopics && len(o.stop) == 0 {
		return defaults.lists
	}
	return defaults.build(o.topics, o.replaceTopics, o.stop)
}

func firstField(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i]
		}
	}
	return s
}
