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
}

impl ScreenFromBody {
    /// Fits an artboard of `size` (body units) centred inside `screen_rect`.
    #[must_use]
    pub fn fit(size: Vec2, screen_rect: Rect, flipped: bool) -> Self {
        let scale = (screen_rect.width() / size.x)
            .min(screen_rect.height() / size.y)
            .max(1e-6);
        let used = size * scale;
        let origin = screen_rect.center() - used * 0.5;
        Self {
            origin,
            scale,
            width: size.x,
            flipped,
        }
    }

    /// Screen points per body unit.
    #[must_use]
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The screen rectangle covered by the artboard.
    #[must_use]
    pub fn artboard_rect(&self, size: Vec2) -> Rect {
        Rect::from_min_size(self.origin, size * self.scale)
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
            let t = ScreenFromBody::fit(size, rect, flipped);
            let p = pos2(100.0, 300.0);
            assert!(t.inverse(t.apply(p)).distance(p) < 1e-3);
        }
        let plain = ScreenFromBody::fit(size, rect, false);
        let flipped = ScreenFromBody::fit(size, rect, true);
        assert_eq!(plain.apply(pos2(0.0, 0.0)), pos2(100.0, 0.0));
        assert_eq!(flipped.apply(pos2(0.0, 0.0)), pos2(300.0, 0.0));
    }
}
