// Package settings keeps what Cartera remembers between runs on this
// computer: the language and the recently opened portfolios. It lives in the
// user's configuration folder, never inside a portfolio.
package settings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// MaxRecent is how many recent portfolios are remembered.
const MaxRecent = 12

// Recent is a portfolio opened before.
type Recent struct {
	Path     string    `json:"path"`
	Name     string    `json:"name"`
	Country  string    `json:"country"`
	OpenedAt time.Time `json:"openedAt" ts_type:"string"`
}

// Settings is the remembered state.
type Settings struct {
	Language string    `json:"language"` // "es" or "en"
	Recent   []Recent  `json:"recent"`
	Mappings []Mapping `json:"mappings"`
}

// Mapping is how the columns of one program's export are read, saved under a
// name so that the next file with the same columns is read the same way.
// It is kept on this computer, for every portfolio: a bookkeeper's clients
// often use the same program.
type Mapping struct {
	Name      string    `json:"name"`
	Target    string    `json:"target"`    // clients, invoices, payments
	Signature string    `json:"signature"` // the folded column names, see importer.Signature
	Columns   []string  `json:"columns"`   // the field of each column, "" to ignore it
	DateOrder string    `json:"dateOrder"`
	Decimal   string    `json:"decimal"`
	SavedAt   time.Time `json:"savedAt" ts_type:"string"`
}

// Store reads and writes the settings file; it is safe for concurrent use.
type Store struct {
	mu   sync.Mutex
	path string
}

// Dir is the configuration folder: $CARTERA_CONFIG_DIR, else the OS's
// per-user configuration folder plus "Cartera".
func Dir() string {
	if d := os.Getenv("CARTERA_CONFIG_DIR"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "Cartera")
	}
	return filepath.Join(os.TempDir(), "Cartera")
}

// Open returns the store of the settings file in dir.
func Open(dir string) *Store { return &Store{path: filepath.Join(dir, "settings.json")} }

// Dir is the folder the settings file is in.
func (s *Store) Dir() string { return filepath.Dir(s.path) }

// Load returns the settings; a missing or damaged file gives the defaults,
// since losing the recent list must never stop Cartera from starting.
func (s *Store) Load() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load()
}

func (s *Store) load() Settings {
	st := Settings{Language: "es", Recent: []Recent{}}
	b, err := os.ReadFile(s.path)
	if err == nil {
		json.Unmarshal(b, &st)
	}
	if st.Language != "en" {
		st.Language = "es"
	}
	if st.Recent == nil {
		st.Recent = []Recent{}
	}
	if st.Mappings == nil {
		st.Mappings = []Mapping{}
	}
	return st
}

func (s *Store) save(st Settings) error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(st, "", "  ")
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}

// SetLanguage remembers the UI language.
func (s *Store) SetLanguage(lang string) error {
	if lang != "es" && lang != "en" {
		return errors.New("settings: language must be es or en")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.load()
	st.Language = lang
	return s.save(st)
}

// Touch puts a portfolio at the top of the recent list.
func (s *Store) Touch(r Recent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.load()
	list := []Recent{r}
	for _, o := range st.Recent {
		if o.Path != r.Path && len(list) < MaxRecent {
			list = append(list, o)
		}
	}
	st.Recent = list
	return s.save(st)
}

// Forget removes a portfolio from the recent list (it was moved or deleted).
func (s *Store) Forget(path string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.load()
	list := []Recent{}
	for _, o := range st.Recent {
		if o.Path != path {
			list = append(list, o)
		}
	}
	st.Recent = list
	return s.save(st)
}

// SaveMapping stores m, replacing a mapping of the same name.
func (s *Store) SaveMapping(m Mapping) error {
	if m.Name == "" {
		return errors.New("settings: a mapping needs a name")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.load()
	list := []Mapping{m}
	for _, o := range st.Mappings {
		if o.Name != m.Name {
			list = append(list, o)
		}
	}
	st.Mappings = list
	return s.save(st)
}

// FindMapping returns the mapping called name.
func (s *Store) FindMapping(name string) (Mapping, bool) {
	for _, m := range s.Load().Mappings {
		if m.Name == name {
			return m, true
		}
	}
	return Mapping{}, false
}

// MappingFor returns the most recently saved mapping for files of target
// with these columns.
func (s *Store) MappingFor(target, signature string) (Mapping, bool) {
	for _, m := range s.Load().Mappings {
		if m.Target == target && m.Signature == signature {
			return m, true
		}
	}
	return Mapping{}, false
}
