//! The one mapping between body (artboard) coordinates and screen points.

use emath::{Pos2, Rect, Vec2};

/// Maps a view's artboard onto a screen rectangle, keeping aspect ratio, and
/// optionally flipping it left-right (a lateral view drawn for the other side).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenFromBody {
    /// Screen position of the artboard's top-left corner (after flipping).
    origin: Pos2,
    /// Screen points per body unit.
    scale: f32,
    /// Artboard width in body units, needed to flip.
    width: f32,
    flipped: bool,
    /// Physical pixels per screen point, for choosing how much detail to draw.
    pixels_per_point: f32,
}

impl std::hash::Hash for ScreenFromBody {
    /// Exact bits: two transforms hash alike only if they place every point alike.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Self {
            origin,
            scale,
            width,
            flipped,
            pixels_per_point,
        } = self;
        [origin.x, origin.y, *scale, *width, *pixels_per_point]
            .map(f32::to_bits)
            .hash(state);
        flipped.hash(state);
    }
}

impl ScreenFromBody {
    /// Fits the `content` part (body units) of an artboard of `size` centred inside
    /// `screen_rect`, as large as it goes. Fitting the drawn content rather than the
    /// whole artboard keeps empty margins from shrinking the figure.
    #[must_use]
    pub fn fit(size: Vec2, content: Rect, screen_rect: Rect, flipped: bool) -> Self {
        let scale = (screen_rect.width() / content.width().max(1e-3))
            .min(screen_rect.height() / content.height().max(1e-3))
            .max(1e-6);
        let content_left = if flipped {
            size.x - content.max.x
        } else {
            content.min.x
        };
        let content_centre = Pos2::new(content_left + content.width() * 0.5, content.center().y);
        let origin = screen_rect.center() - content_centre.to_vec2() * scale;
        Self {
            origin,
            scale,
            width: size.x,
            flipped,
            pixels_per_point: 1.0,
        }
    }

    /// The same transform on a screen with `pixels_per_point` physical pixels per
    /// point (what [`ScreenFromBody::pixels_per_unit`] reports).
    #[must_use]
    pub fn on_screen_with(self, pixels_per_point: f32) -> Self {
        Self {
            pixels_per_point,
            ..self
        }
    }

    /// Physical pixels per body unit: how much detail a drawing needs.
    #[must_use]
    pub fn pixels_per_unit(&self) -> f32 {
        self.scale * self.pixels_per_point
    }

    /// Screen points per body unit.
    #[must_use]
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The screen rectangle covering a rectangle of body space.
    #[must_use]
    pub fn apply_rect(&self, rect_in_body: Rect) -> Rect {
        Rect::from_two_pos(self.apply(rect_in_body.min), self.apply(rect_in_body.max))
    }

    /// Body → screen.
    #[must_use]
    pub fn apply(&self, pos_in_body: Pos2) -> Pos2 {
        let x = if self.flipped {
            self.width - pos_in_body.x
        } else {
            pos_in_body.x
        };
        self.origin + Vec2::new(x, pos_in_body.y) * self.scale
    }

    /// Screen → body (the inverse of [`Self::apply`]).
    #[must_use]
    pub fn inverse(&self, pos_in_screen: Pos2) -> Pos2 {
        let v = (pos_in_screen - self.origin) / self.scale;
        let x = if self.flipped { self.width - v.x } else { v.x };
        Pos2::new(x, v.y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::{pos2, vec2};

    #[test]
    fn round_trip_and_flip() {
        let size = vec2(400.0, 800.0);
        let rect = Rect::from_min_size(pos2(100.0, 0.0), vec2(200.0, 400.0));
        for flipped in [false, true] {
            let t = ScreenFromBody::fit(size, Rect::from_min_size(Pos2::ZERO, size), rect, flipped);
            let p = pos2(100.0, 300.0);
            assert!(t.inverse(t.apply(p)).distance(p) < 1e-3);
        }
        let whole = Rect::from_min_size(Pos2::ZERO, size);
        let plain = ScreenFromBody::fit(size, whole, rect, false);
        let flipped = ScreenFromBody::fit(size, whole, rect, true);
        assert_eq!(plain.apply(pos2(0.0, 0.0)), pos2(100.0, 0.0));
        assert_eq!(flipped.apply(pos2(0.0, 0.0)), pos2(300.0, 0.0));
    }

    #[test]
    fn content_fills_the_screen_rect_on_either_flip() {
        let size = vec2(400.0, 800.0);
        let content = Rect::from_min_max(pos2(50.0, 0.0), pos2(250.0, 800.0));
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 800.0));
        let plain = ScreenFromBody::fit(size, content, rect, false);
        assert!((plain.apply_rect(content).width() - 200.0).abs() < 1e-3);
        assert!(plain.apply(pos2(50.0, 0.0)).distance(pos2(0.0, 0.0)) < 1e-3);
        let flipped = ScreenFromBody::fit(size, content, rect, true);
        assert!(flipped.apply(pos2(250.0, 0.0)).distance(pos2(0.0, 0.0)) < 1e-3);
        assert!(
            flipped
                .apply(pos2(50.0, 800.0))
                .distance(pos2(200.0, 800.0))
                < 1e-3
        );
    }
}
