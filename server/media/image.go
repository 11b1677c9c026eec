package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"

	"github.com/disintegration/imaging"
	_ "golang.org/x/image/webp" // registers the WebP decoder
)

// Reasons for refusing an upload; InputError wraps one of them.
var (
	ErrTooLarge      = errors.New("media: file too large")
	ErrTooManyPixels = errors.New("media: too many pixels")
	ErrNotAnImage    = errors.New("media: not a JPEG, PNG or WebP image")
	ErrCorrupt       = errors.New("media: image cannot be decoded")
)

// InputError is an upload refused for a reason the uploader can fix; its
// message says which and is shown as written.
type InputError struct {
	Reason error
	Msg    string
}

func (e *InputError) Error() string { return e.Msg }

// Unwrap returns the reason (one of the Err* values).
func (e *InputError) Unwrap() error { return e.Reason }

func inputErrorf(reason error, format string, args ...any) error {
	return &InputError{Reason: reason, Msg: fmt.Sprintf(format, args...)}
}

// sniff names the image format from the file's first bytes, never from
// its name: "jpeg", "png", "webp" or "".
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "webp"
	}
	return ""
}

// prepare checks an upload and returns its clean encoding and description:
// the format by content, the pixel count from the header before the whole
// image is decoded, then the decoded image turned upright by its EXIF
// orientation and encoded anew, which leaves every piece of metadata
// (EXIF, GPS, XMP, ICC, comments) behind.
func prepare(data []byte, maxPixels int64) ([]byte, Asset, error) {
	format := sniff(data)
	if format == "" {
		return nil, Asset{}, inputErrorf(ErrNotAnImage, "the file is not a JPEG, PNG or WebP image (other formats, SVG included, are refused)")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, Asset{}, inputErrorf(ErrCorrupt, "the %s image cannot be read: the file is damaged or incomplete", format)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, Asset{}, inputErrorf(ErrTooManyPixels, "the image is %d×%d pixels, more than the limit of %d megapixels", cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(format == "jpeg"))
	if err != nil {
		return nil, Asset{}, inputErrorf(ErrCorrupt, "the %s image cannot be decoded: the file is damaged or incomplete", format)
	}
	out := "jpeg"
	if format == "png" || (format == "webp" && !opaque(img)) {
		out = "png"
	}
	clean, err := encode(img, out)
	if err != nil {
		return nil, Asset{}, err
	}
	sum := sha256.Sum256(clean)
	b := img.Bounds()
	thumb := imaging.Fit(img, 100, 100, imaging.Box)
	return clean, Asset{
		SHA256:        hex.EncodeToString(sum[:]),
		Format:        out,
		Width:         b.Dx(),
		Height:        b.Dy(),
		Bytes:         int64(len(clean)),
		Thumbhash:     base64.StdEncoding.EncodeToString(thumbhash(thumb)),
		DominantColor: dominantColor(thumb),
	}, nil
}

func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

func encode(img image.Image, format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if format == "png" {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		err = enc.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88})
	}
	if err != nil {
		return nil, fmt.Errorf("media: encode %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// resize makes the rendition of a stored original at width w.
func resize(orig []byte, format string, w int) ([]byte, error) {
	img, _, err := image.Decode(bytes.NewReader(orig))
	if err != nil {
		return nil, fmt.Errorf("media: decode stored original: %w", err)
	}
	return encode(imaging.Resize(img, w, 0, imaging.Lanczos), format)
}

// dominantColor is the mean colour of the most common of 4,096 colour
// buckets (4 bits a channel) of a small copy: the colour to paint before
// the picture loads.
func dominantColor(img image.Image) string {
	n := toNRGBA(img)
	type sum struct{ r, g, b, n int }
	buckets := map[int]*sum{}
	best := -1
	for i := 0; i+3 < len(n.Pix); i += 4 {
		if n.Pix[i+3] < 128 {
			continue
		}
		r, g, b := int(n.Pix[i]), int(n.Pix[i+1]), int(n.Pix[i+2])
		k := (r>>4)<<8 | (g>>4)<<4 | b>>4
		s := buckets[k]
		if s == nil {
			s = &sum{}
			buckets[k] = s
		}
		s.r, s.g, s.b, s.n = s.r+r, s.g+g, s.b+b, s.n+1
		if best < 0 || s.n > buckets[best].n || (s.n == buckets[best].n && k < best) {
			best = k
		}
	}
	if best < 0 {
		return "#808080"
	}
	s := buckets[best]
	return fmt.Sprintf("#%02x%02x%02x", s.r/s.n, s.g/s.n, s.b/s.n)
}

func toNRGBA(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok {
		return n
	}
	b := img.Bounds()
	n := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(n, n.Bounds(), img, b.Min, draw.Src)
	return n
}

var _ color.Color = color.NRGBA{}

// thumbhash encodes an image of at most 100×100 pixels as a ThumbHash
// (Evan Wallace's format, https://evanw.github.io/thumbhash/): a DCT of
// luminance, two colour channels and alpha in about 25 bytes, which
// clients decode into a blurred placeholder.
func thumbhash(img image.Image) []byte {
	n := toNRGBA(img)
	w, h := n.Rect.Dx(), n.Rect.Dy()
	rgba := n.Pix
	var avgR, avgG, avgB, avgA float64
	for i := 0; i < w*h; i++ {
		j := i * 4
		alpha := float64(rgba[j+3]) / 255
		avgR += alpha / 255 * float64(rgba[j])
		avgG += alpha / 255 * float64(rgba[j+1])
		avgB += alpha / 255 * float64(rgba[j+2])
		avgA += alpha
	}
	if avgA > 0 {
		avgR, avgG, avgB = avgR/avgA, avgG/avgA, avgB/avgA
	}
	hasAlpha := avgA < float64(w*h)
	lLimit := 7.0
	if hasAlpha {
		lLimit = 5
	}
	mx := float64(max(w, h))
	lx := max(1, int(round(lLimit*float64(w)/mx)))
	ly := max(1, int(round(lLimit*float64(h)/mx)))
	l := make([]float64, w*h)
	p := make([]float64, w*h)
	q := make([]float64, w*h)
	a := make([]float64, w*h)
	for i := 0; i < w*h; i++ {
		j := i * 4
		alpha := float64(rgba[j+3]) / 255
		r := avgR*(1-alpha) + alpha/255*float64(rgba[j])
		g := avgG*(1-alpha) + alpha/255*float64(rgba[j+1])
		b := avgB*(1-alpha) + alpha/255*float64(rgba[j+2])
		l[i] = (r + g + b) / 3
		p[i] = (r+g)/2 - b
		q[i] = r - g
		a[i] = alpha
	}
	encodeChannel := func(ch []float64, nx, ny int) (dc float64, ac []float64, scale float64) {
		fx := make([]float64, w)
		for cy := 0; cy < ny; cy++ {
			for cx := 0; cx*ny < nx*(ny-cy); cx++ {
				f := 0.0
				for x := 0; x < w; x++ {
					fx[x] = math.Cos(math.Pi / float64(w) * float64(cx) * (float64(x) + 0.5))
				}
				for y := 0; y < h; y++ {
					fy := math.Cos(math.Pi / float64(h) * float64(cy) * (float64(y) + 0.5))
					for x := 0; x < w; x++ {
						f += ch[x+y*w] * fx[x] * fy
					}
				}
				f /= float64(w * h)
				if cx > 0 || cy > 0 {
					ac = append(ac, f)
					scale = math.Max(scale, math.Abs(f))
				} else {
					dc = f
				}
			}
		}
		if scale > 0 {
			for i := range ac {
				ac[i] = 0.5 + 0.5/scale*ac[i]
			}
		}
		return dc, ac, scale
	}
	lDC, lAC, lScale := encodeChannel(l, max(3, lx), max(3, ly))
	pDC, pAC, pScale := encodeChannel(p, 3, 3)
	qDC, qAC, qScale := encodeChannel(q, 3, 3)
	var aDC, aScale float64
	var aAC []float64
	if hasAlpha {
		aDC, aAC, aScale = encodeChannel(a, 5, 5)
	}
	isLandscape := w > h
	header24 := int(round(63*lDC)) | int(round(31.5+31.5*pDC))<<6 | int(round(31.5+31.5*qDC))<<12 | int(round(31*lScale))<<18
	if hasAlpha {
		header24 |= 1 << 23
	}
	header16 := int(round(63*pScale))<<3 | int(round(63*qScale))<<9
	if isLandscape {
		header16 |= ly | 1<<15
	} else {
		header16 |= lx
	}
	hash := []byte{byte(header24), byte(header24 >> 8), byte(header24 >> 16), byte(header16), byte(header16 >> 8)}
	if hasAlpha {
		hash = append(hash, byte(int(round(15*aDC))|int(round(15*aScale))<<4))
	}
	acs := [][]float64{lAC, pAC, qAC}
	if hasAlpha {
		acs = append(acs, aAC)
	}
	start, index := len(hash), 0
	for _, ac := range acs {
		for _, f := range ac {
			pos := start + index>>1
			for len(hash) <= pos {
				hash = append(hash, 0)
			}
			hash[pos] |= byte(int(round(15*f)) << ((index & 1) << 2))
			index++
		}
	}
	return hash
}

// round is JavaScript's Math.round, which the format's reference uses.
func round(x float64) float64 { return math.Floor(x + 0.5) }
