package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"brandshow/ent"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/media"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// pictureURL is Picture.url(width:): an uploaded picture's rendition path
// for the width (the original when none is narrower), an external URL as
// it is.
func pictureURL(p *schematype.Picture, width *int) (string, error) {
	if width == nil || !schematype.IsUploaded(p.URL) {
		return p.URL, nil
	}
	if *width < 1 || *width > 10000 {
		return "", userErrorf("width must be between 1 and 10000, got %d", *width)
	}
	sha, _ := media.ParsePath(p.URL)
	format := "jpeg"
	if strings.HasSuffix(p.URL, ".png") {
		format = "png"
	}
	return media.RenditionPath(media.Asset{SHA256: sha, Format: format, Width: p.Width}, *width), nil
}

// pictureLicense is Picture.license: null when none is set.
func pictureLicense(p *schematype.Picture) *schematype.License {
	if p.License == "" {
		return nil
	}
	l := p.License
	return &l
}

// pressKitURL is Brand.pressKitUrl.
func pressKitURL(b *ent.Brand) string { return "/brands/" + b.Slug + "/press-kit.zip" }

// uploadPicture stores an upload (editors and up) and returns the picture
// to attach: the media store checks and strips it; a refusal stores
// nothing and says why (BAD_USER_INPUT).
func (r *Resolver) uploadPicture(ctx context.Context, file graphql.Upload, alt string, altEn, credit *string, license *schematype.License, source *string) (*schematype.Picture, error) {
	if err := visibility.Need(ctx, visibility.RoleEditor); err != nil {
		return nil, err
	}
	if r.media == nil {
		return nil, userErrorf("this server does not accept uploads (no media store configured)")
	}
	asset, err := r.media.Put(ctx, file.File)
	var refused *media.InputError
	if errors.As(err, &refused) {
		return nil, &UserError{Msg: "file: " + refused.Msg, Field: "file"}
	}
	if err != nil {
		return nil, err
	}
	p := schematype.Picture{
		URL: asset.Path(), Alt: alt, AltEn: deref(altEn), Credit: deref(credit), Source: deref(source),
		Width: asset.Width, Height: asset.Height, Thumbhash: asset.Thumbhash, DominantColor: asset.DominantColor,
	}
	if license != nil {
		p.License = *license
	}
	if err := p.Validate(); err != nil {
		return nil, &UserError{Msg: err.Error()}
	}
	return &p, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// tokenMultipart is gqlgen's multipart transport (the GraphQL multipart
// request spec) for token holders only: an anonymous multipart request is
// refused before its body is read.
type tokenMultipart struct {
	transport.MultipartForm
	requestID func(context.Context) string
}

// Do implements graphql.Transport.
func (t tokenMultipart) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if _, ok := visibility.ViewerFrom(r.Context()); !ok {
		codedError(w, t.requestID(r.Context()), http.StatusUnauthorized, CodeUnauthenticated,
			"uploads need a token: send Authorization: Bearer <token> with the multipart request")
		return
	}
	t.MultipartForm.Do(w, r, exec)
}
