package schematype

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// License is the licence under which a picture may be reused: a Creative
// Commons licence, the public domain or all rights reserved.
type License string

// The licences a picture may carry.
const (
	LicenseCCBY4          License = "CC_BY_4_0"
	LicenseCCBYSA4        License = "CC_BY_SA_4_0"
	LicenseCCBYND4        License = "CC_BY_ND_4_0"
	LicenseCCBYNC4        License = "CC_BY_NC_4_0"
	LicenseCCBYNCSA4      License = "CC_BY_NC_SA_4_0"
	LicenseCCBYNCND4      License = "CC_BY_NC_ND_4_0"
	LicenseCC0            License = "CC0_1_0"
	LicensePublicDomain   License = "PUBLIC_DOMAIN"
	LicenseAllRightsRsrvd License = "ALL_RIGHTS_RESERVED"
)

// Licenses lists every licence with its human-readable names (zh, en), in
// the order the API lists them.
var Licenses = []struct {
	Code   License
	Zh, En string
}{
	{LicenseCCBY4, "知识共享 署名 4.0", "CC BY 4.0"},
	{LicenseCCBYSA4, "知识共享 署名-相同方式共享 4.0", "CC BY-SA 4.0"},
	{LicenseCCBYND4, "知识共享 署名-禁止演绎 4.0", "CC BY-ND 4.0"},
	{LicenseCCBYNC4, "知识共享 署名-非商业性使用 4.0", "CC BY-NC 4.0"},
	{LicenseCCBYNCSA4, "知识共享 署名-非商业性使用-相同方式共享 4.0", "CC BY-NC-SA 4.0"},
	{LicenseCCBYNCND4, "知识共享 署名-非商业性使用-禁止演绎 4.0", "CC BY-NC-ND 4.0"},
	{LicenseCC0, "CC0 1.0 公共领域贡献", "CC0 1.0"},
	{LicensePublicDomain, "公共领域", "Public domain"},
	{LicenseAllRightsRsrvd, "保留所有权利", "All rights reserved"},
}

// Valid reports whether l is one of Licenses.
func (l License) Valid() bool {
	for _, x := range Licenses {
		if x.Code == l {
			return true
		}
	}
	return false
}

// Names returns the licence's Chinese and English names.
func (l License) Names() (zh, en string) {
	for _, x := range Licenses {
		if x.Code == l {
			return x.Zh, x.En
		}
	}
	return string(l), string(l)
}

// MarshalGQL writes the licence as a GraphQL enum value.
func (l License) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(l))) }

// UnmarshalGQL reads a GraphQL enum value.
func (l *License) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !License(s).Valid() {
		return fmt.Errorf("%v is not a valid PictureLicense", v)
	}
	*l = License(s)
	return nil
}

// FocalPoint is the point of a picture that a crop keeps in view, as
// fractions of its width and height from the top left (0.5, 0.5 is the
// centre).
type FocalPoint struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// mediaPath matches the path of a picture uploaded to this server.
var mediaPath = regexp.MustCompile(`^/media/[0-9a-f]{64}\.(jpg|png)$`)

// IsUploaded reports whether a picture URL is the same-origin path of an
// uploaded picture.
func IsUploaded(u string) bool { return mediaPath.MatchString(u) }

// ErrInsecurePictureURL is the reason for refusing an http: picture.
var ErrInsecurePictureURL = errors.New("picture URLs must use https: the site, kiosks and widgets load pictures over https only; upload the picture or give its https address")

func checkPictureURL(raw string) error {
	if IsUploaded(raw) {
		return nil
	}
	u, err := url.Parse(raw)
	if err == nil && u.Scheme == "http" && u.Host != "" {
		return fmt.Errorf("picture URL %q: %w", raw, ErrInsecurePictureURL)
	}
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		return fmt.Errorf("picture URL %q must be an absolute https URL or the /media/... path of an uploaded picture", raw)
	}
	return nil
}

func (p Picture) checkRights() error {
	if p.License != "" && !p.License.Valid() {
		return fmt.Errorf("picture licence %q is not one of the PictureLicense values", p.License)
	}
	if len(p.Credit) > 300 {
		return errors.New("picture credit too long (at most 300 bytes)")
	}
	if err := CheckLine(p.Credit); err != nil {
		return fmt.Errorf("credit: %w", err)
	}
	if p.Source != "" {
		u, err := url.Parse(p.Source)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(p.Source) > 2048 {
			return fmt.Errorf("picture source %q must be an absolute http or https URL", p.Source)
		}
	}
	if f := p.FocalPoint; f != nil && (f.X < 0 || f.X > 1 || f.Y < 0 || f.Y > 1 || f.X != f.X || f.Y != f.Y) {
		return errors.New("focal point x and y must be between 0 and 1")
	}
	if len(p.Thumbhash) > 100 || len(p.DominantColor) > 7 {
		return errors.New("picture thumbhash or colour too long")
	}
	return nil
}

// ErrUncredited is the reason for refusing to publish a picture without
// credit or licence.
var ErrUncredited = errors.New("a published picture needs a credit and a licence (a draft may lack them): set credit and license")

// CheckCredited reports a picture that may not be published yet.
func (p Picture) CheckCredited() error {
	if strings.TrimSpace(p.Credit) == "" || p.License == "" {
		return fmt.Errorf("picture %s: %w", p.URL, ErrUncredited)
	}
	return nil
}

// PictureDescriber knows the pictures uploaded to this server
// (server/media.Store): Describe returns a picture's measured fields
// (width, height, thumbhash, dominant colour) from its same-origin path.
type PictureDescriber interface {
	DescribePicture(ctx context.Context, path string) (Picture, error)
}

type describerKey struct{}

// WithPictureDescriber lets writes in ctx attach uploaded pictures: their
// measured fields come from d, never from the request.
func WithPictureDescriber(ctx context.Context, d PictureDescriber) context.Context {
	return context.WithValue(ctx, describerKey{}, d)
}

// PictureDescriberFrom returns the describer of ctx, or nil.
func PictureDescriberFrom(ctx context.Context) PictureDescriber {
	d, _ := ctx.Value(describerKey{}).(PictureDescriber)
	return d
}

// ErrUnknownUpload is the reason for refusing a /media/ path that the
// store does not hold.
var ErrUnknownUpload = errors.New("no picture was uploaded at this path: upload it first (uploadPicture) and use the url it returns")

// PictureImporter is a describer that also takes in local image files
// (server import: pictures next to the spreadsheet, named by a relative
// path such as images/logo.jpg).
type PictureImporter interface {
	ImportPicture(ctx context.Context, ref string) (Picture, error)
}

// localFile matches a relative path to an image file.
var localFile = regexp.MustCompile(`(?i)^[^/\\:?#][^:?#]*\.(jpe?g|png|webp)$`)

// IsLocalFile reports whether a picture URL is a relative path to an image
// file, which only an import with a PictureImporter accepts.
func IsLocalFile(u string) bool { return localFile.MatchString(u) && !strings.Contains(u, "..") }

// ErrLocalFile is the reason for refusing a local file name outside an
// import.
var ErrLocalFile = errors.New("a local file name is accepted by server import only (the file next to the spreadsheet); upload the picture instead")

// Measure fills an uploaded picture's measured fields from the describer in
// ctx, and, in an import, takes in a local file named by the picture's URL;
// other pictures are returned as they are.
func Measure(ctx context.Context, p Picture) (Picture, error) {
	if IsLocalFile(p.URL) {
		imp, ok := PictureDescriberFrom(ctx).(PictureImporter)
		if !ok {
			return p, fmt.Errorf("picture %s: %w", p.URL, ErrLocalFile)
		}
		m, err := imp.ImportPicture(ctx, p.URL)
		if err != nil {
			return p, fmt.Errorf("picture %s: %w", p.URL, err)
		}
		p.URL = m.URL
	}
	if !IsUploaded(p.URL) {
		return p, nil
	}
	d := PictureDescriberFrom(ctx)
	if d == nil {
		return p, fmt.Errorf("picture %s: %w", p.URL, ErrUnknownUpload)
	}
	m, err := d.DescribePicture(ctx, p.URL)
	if err != nil {
		return p, fmt.Errorf("picture %s: %w", p.URL, err)
	}
	p.Width, p.Height, p.Thumbhash, p.DominantColor = m.Width, m.Height, m.Thumbhash, m.DominantColor
	return p, nil
}
