package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeOperationNotTrusted refuses an operation outside the trusted documents.
const CodeOperationNotTrusted = "OPERATION_NOT_TRUSTED"

func init() { errcode.RegisterErrorType(CodeOperationNotTrusted, errcode.KindProtocol) }

// TrustedDocuments, when configured, lets only the operations registered at
// build time run (a kiosk deployment needs nothing else). A client sends
// either the full text of a registered operation or only its SHA-256 hash,
// the same way as automatic persisted queries:
// extensions.persistedQuery.sha256Hash.
type TrustedDocuments struct {
	byHash map[string]string
}

var (
	_ graphql.HandlerExtension          = (*TrustedDocuments)(nil)
	_ graphql.OperationParameterMutator = (*TrustedDocuments)(nil)
)

// LoadTrustedDocuments reads a manifest: a JSON object from SHA-256 hash (hex)
// to operation text, as GraphQL Code Generator's persisted documents write
// it. Every hash is checked against its text.
func LoadTrustedDocuments(path string) (*TrustedDocuments, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("trusted documents: %w", err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("trusted documents %s: %w", path, err)
	}
	return NewTrustedDocuments(m)
}

// NewTrustedDocuments checks and indexes a manifest.
func NewTrustedDocuments(manifest map[string]string) (*TrustedDocuments, error) {
	t := &TrustedDocuments{byHash: map[string]string{}}
	for hash, query := range manifest {
		if got := sha256Hex(query); got != hash {
			return nil, fmt.Errorf("trusted documents: hash %s does not match its document (sha256 %s)", hash, got)
		}
		t.byHash[hash] = query
	}
	return t, nil
}

// ExtensionName implements graphql.HandlerExtension.
func (*TrustedDocuments) ExtensionName() string { return "TrustedDocuments" }

// Validate implements graphql.HandlerExtension.
func (*TrustedDocuments) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters resolves a hash to its document and refuses
// any document that is not registered.
func (t *TrustedDocuments) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	hash := persistedQueryHash(p.Extensions)
	if p.Query == "" && hash != "" {
		q, ok := t.byHash[hash]
		if !ok {
			return notTrusted("no trusted document has the hash %s", hash)
		}
		p.Query = q
		return nil
	}
	if _, ok := t.byHash[sha256Hex(p.Query)]; !ok {
		return notTrusted("this server only runs its registered operations; this one is not registered")
	}
	return nil
}

func persistedQueryHash(ext map[string]any) string {
	pq, _ := ext["persistedQuery"].(map[string]any)
	h, _ := pq["sha256Hash"].(string)
	return h
}

func notTrusted(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": CodeOperationNotTrusted}
	return err
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
