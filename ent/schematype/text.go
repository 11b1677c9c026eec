package schematype

import (
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// Limits of list fields (honours, galleries) and of the counts that the
// public key figures add up. They are checked on every write: the API, the
// import and the seed all go through the ent hooks and validators.
const (
	// MaxListEntries bounds the entries of a text list such as honoursZh.
	MaxListEntries = 50
	// MaxListEntryLen bounds one entry of a text list, in bytes (a Chinese
	// character takes three).
	MaxListEntryLen = 300
	// MaxPictures bounds a gallery (pictures).
	MaxPictures = 50
	// MaxWorkers bounds workersEmployed and workersExported: more than
	// Hubei's whole population is a typing mistake, and the bound keeps the
	// totals of stats far from overflowing.
	MaxWorkers = 100_000_000
	// MaxRegistrations bounds trademarkCount and patentCount.
	MaxRegistrations = 100_000
	// MaxFeaturedRank bounds a featured brand's rank.
	MaxFeaturedRank = 1_000_000
	// MinFigureYear and MaxFigureYear bound a figure's year (period) and
	// the year stats adds figures up for: from the founding of the PRC.
	MinFigureYear = 1949
	MaxFigureYear = 2100
)

// ErrControlCharacter is the reason for refusing text with a NUL or another
// control character: PostgreSQL cannot store NUL at all, and the others have
// no place in display text.
var ErrControlCharacter = errors.New("control characters are not allowed (NUL nowhere; tabs and line breaks only in long texts)")

// ErrInvalidUTF8 is the reason for refusing text that is not UTF-8.
var ErrInvalidUTF8 = errors.New("text is not valid UTF-8")

// markup matches the start of an HTML tag, comment or declaration.
var markup = regexp.MustCompile(`<[A-Za-z!/?]`)

// ControlCharacter reports the first control character in s: C0 (U+0000 to
// U+001F), DEL and C1 (U+0080 to U+009F). Tab, line feed and carriage return
// count only when multiline is false. It returns -1 when there is none.
func ControlCharacter(s string, multiline bool) int {
	for i, r := range s {
		switch {
		case multiline && (r == '\t' || r == '\n' || r == '\r'):
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return i
		}
	}
	return -1
}

// CheckLine validates one line of display text (a name, an outlet, a phone
// number, an alt text, an entry of a list): UTF-8, no control character, no
// HTML. The API serves text, never HTML, so a client that wrongly inserts it
// as HTML still cannot run a script from it.
func CheckLine(s string) error { return checkText(s, false) }

// CheckText validates long text (stories, biographies): like CheckLine, but
// tabs and line breaks are allowed.
func CheckText(s string) error { return checkText(s, true) }

func checkText(s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return ErrInvalidUTF8
	}
	if i := ControlCharacter(s, multiline); i >= 0 {
		return fmt.Errorf("%w (found %U at byte %d)", ErrControlCharacter, []rune(s[i:])[0], i)
	}
	if loc := markup.FindStringIndex(s); loc != nil {
		return fmt.Errorf("text is plain text; HTML tags are not allowed (found %q)", s[loc[0]:min(len(s), loc[0]+12)])
	}
	return nil
}

// CheckList validates a text list (honours): at most MaxListEntries entries,
// each a line of at most MaxListEntryLen bytes.
func CheckList(entries []string) error {
	if len(entries) > MaxListEntries {
		return fmt.Errorf("%d entries; at most %d are allowed", len(entries), MaxListEntries)
	}
	for i, e := range entries {
		if len(e) > MaxListEntryLen {
			return fmt.Errorf("entry %d is %d bytes long; at most %d are allowed", i+1, len(e), MaxListEntryLen)
		}
		if err := CheckLine(e); err != nil {
			return fmt.Errorf("entry %d: %w", i+1, err)
		}
	}
	return nil
}

// CheckPictures validates a gallery: at most MaxPictures valid pictures.
func CheckPictures(pics []Picture) error {
	if len(pics) > MaxPictures {
		return fmt.Errorf("%d pictures; at most %d are allowed", len(pics), MaxPictures)
	}
	for i, p := range pics {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("picture %d: %w", i+1, err)
		}
	}
	return nil
}
