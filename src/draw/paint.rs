//! Painting one view panel with a plain `egui::Painter`: the body, the muscles, the
//! selected pattern and the labels. No widgets here, so the same code can paint into
//! any painter (the window today, image exports later).

use egui::{Align2, Color32, FontId, Mesh, Painter, Pos2, Shape, Stroke, pos2, vec2};

use super::layout::{Panel, drawing_rect, title_height};
use super::mesh_cache::paint_cached;
use crate::finder::PainMark;
use crate::geometry::{ScreenFromBody, Tessellation};
use crate::hit::Hit;
use crate::model::{Atlas, Layer, LineWeight, Muscle, ScreenHalf, Side, View, ViewKind, ZoneKind};
use crate::theme::Theme;

/// What to highlight when painting.
#[derive(Clone, Copy, Debug, Default)]
pub struct Highlight<'a> {
    /// The selected muscle and the sides its pattern is shown on.
    pub selected: Option<(&'a Muscle, &'a [Side])>,
    /// The muscle under the pointer.
    pub hovered: Option<&'a Hit>,
    /// Painful spots marked in the pain finder.
    pub marks: &'a [PainMark],
    /// Draw every muscle faintly, so people see where to click.
    pub all_muscles: bool,
    /// Several patterns compared, each in its own colour (empty: just the selection).
    pub overlay: &'a [(&'a Muscle, Color32)],
    /// Draw the selected muscle's shape (the quiz hides it until answered).
    pub show_shape: bool,
    /// Draw the selected muscle's zones (the quiz hides them until answered).
    pub show_zones: bool,
    /// Only this trigger point's pattern (by label), its X emphasised; `None`: all.
    pub trigger_point: Option<&'a str>,
    /// The smallest type of the panel's title and side letters (a printed page asks
    /// for 8 pt's worth of pixels); 0 on screen.
    pub min_text: f32,
}

/// The body → screen transform for a panel occupying `panel_rect`.
#[must_use]
pub fn panel_transform(view: &View, panel: &Panel, panel_rect: egui::Rect) -> ScreenFromBody {
    transform_in(view, panel, drawing_rect(panel_rect))
}

/// The body → screen transform that fits the view into `area`.
fn transform_in(view: &View, panel: &Panel, area: egui::Rect) -> ScreenFromBody {
    let flipped = match view.kind {
        ViewKind::Lateral { shows } => shows != panel.side,
        ViewKind::Bilateral { .. } => false,
    };
    ScreenFromBody::fit(view.size, view.content, area.shrink(4.0), flipped)
}

/// A panel's title laid out, where it goes (its top left), and the area left for the
/// drawing. The title shrinks where the panel is too narrow for it (a small window in
/// presentation mode); on a printed page, where it may not shrink below `min_text`,
/// it breaks into lines and the drawing moves down under them.
fn title_layout(
    painter: &Painter,
    theme: &Theme,
    view: &View,
    panel: &Panel,
    panel_rect: egui::Rect,
    min_text: f32,
) -> (std::sync::Arc<egui::Galley>, Pos2, egui::Rect) {
    let title_h = title_height(panel_rect);
    let title = panel_title(view, panel);
    let size = (title_h * 0.68).max(min_text);
    let one_line = painter.layout_no_wrap(title.clone(), FontId::proportional(size), theme.label);
    let room = panel_rect.width() * 0.96;
    let centred = |galley: std::sync::Arc<egui::Galley>| {
        let centre = pos2(panel_rect.center().x, panel_rect.top() + title_h * 0.5);
        let at = Align2::CENTER_CENTER.anchor_size(centre, galley.size()).min;
        (galley, at, drawing_rect(panel_rect))
    };
    if one_line.size().x <= room {
        return centred(one_line);
    }
    let shrunk = size * room / one_line.size().x;
    if shrunk >= min_text {
        return centred(painter.layout_no_wrap(title, FontId::proportional(shrunk), theme.label));
    }
    let mut job =
        egui::text::LayoutJob::simple(title, FontId::proportional(size), theme.label, room);
    job.halign = egui::Align::Center;
    let lines = painter.layout_job(job);
    let at = pos2(panel_rect.center().x, panel_rect.top());
    let below = (panel_rect.top() + lines.size().y + 2.0).max(drawing_rect(panel_rect).top());
    let area = egui::Rect::from_min_max(pos2(panel_rect.left(), below), panel_rect.max);
    (lines, at, area)
}

/// A panel's title: "Front", "Back", "Right side of head".
#[must_use]
pub fn panel_title(view: &View, panel: &Panel) -> String {
    match view.kind {
        ViewKind::Bilateral { .. } => view.name.clone(),
        ViewKind::Lateral { .. } => {
            let side = match panel.side {
                Side::Right => "Right",
                Side::Left => "Left",
            };
            format!("{side} {}", view.name.to_lowercase())
        }
    }
}

fn line_width(theme: &Theme, body_width: f32, t: &ScreenFromBody) -> f32 {
    (body_width * t.scale()).max(theme.min_line_px.0)
}

fn fill_mesh(tess: &Tessellation, t: &ScreenFromBody, color: Color32) -> Shape {
    let mut mesh = Mesh::default();
    let (outline, triangles) = tess.for_scale(t.pixels_per_unit());
    for p in outline {
        mesh.colored_vertex(t.apply(*p), color);
    }
    for tri in triangles.chunks_exact(3) {
        mesh.add_triangle(tri[0], tri[1], tri[2]);
    }
    Shape::mesh(mesh)
}

/// Stroked outlines keep a point only once it is this far (screen points) from the
/// last kept one: the smoothed curves have a point every body unit or so, far more
/// than a line needs when the figure is small, and every point costs triangles.
const MIN_STROKE_STEP: f32 = 1.5;

/// A closed outline on screen, for stroking: thinned to [`MIN_STROKE_STEP`], then
/// closed back to its first point.
fn closed_points(points: &[Pos2], t: &ScreenFromBody) -> Vec<Pos2> {
    let mut pts = open_points(points, t);
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    pts
}

/// An open line on screen, thinned to [`MIN_STROKE_STEP`]; both ends are kept.
fn open_points(points: &[Pos2], t: &ScreenFromBody) -> Vec<Pos2> {
    let mut pts: Vec<Pos2> = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        let p = t.apply(*p);
        let last = i + 1 == points.len();
        match pts.last() {
            Some(prev) if !last && prev.distance(p) < MIN_STROKE_STEP => {}
            _ => pts.push(p),
        }
    }
    pts
}

/// Paints one panel: title, body, muscles, pattern, trigger points and R/L labels.
pub fn paint_panel(
    painter: &Painter,
    atlas: &Atlas,
    theme: &Theme,
    panel: &Panel,
    panel_rect: egui::Rect,
    highlight: Highlight<'_>,
) {
    let Some(view) = atlas.view(&panel.view) else {
        return;
    };
    let (title, title_at, drawing_area) =
        title_layout(painter, theme, view, panel, panel_rect, highlight.min_text);
    let t = transform_in(view, panel, drawing_area).on_screen_with(painter.pixels_per_point());
    let clip = panel_rect.intersect(painter.clip_rect());
    let painter = painter.with_clip_rect(clip);
    // Text and marks go through a clip rectangle that differs (invisibly) from the
    // body's, so egui puts them in meshes of their own: appended to the body's mesh
    // they would make it grow and copy its hundred thousand vertices every frame.
    let text_painter = painter.with_clip_rect(clip.expand(0.5));
    text_painter.galley(title_at, title, theme.label);

    // Everything but text and marks: tessellated once per look, reused while the
    // view, zoom, theme, selection and hover stay the same.
    let key = body_key(atlas, view, panel, &t, theme, &highlight);
    paint_cached(&painter, key, |out| {
        body_shapes(out, atlas, theme, view, panel, &t, highlight);
    });

    paint_marks(&text_painter, theme, view, panel, &t, highlight.marks);
    paint_side_labels(&text_painter, theme, view, &t, highlight.min_text);
}

/// A hash of everything [`body_shapes`] draws from, so the cached mesh is reused
/// exactly while the drawing would come out the same.
fn body_key(
    atlas: &Atlas,
    view: &View,
    panel: &Panel,
    t: &ScreenFromBody,
    theme: &Theme,
    highlight: &Highlight<'_>,
) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::hash::DefaultHasher::new();
    atlas.generation().hash(&mut h);
    view.id.hash(&mut h);
    panel.side.hash(&mut h);
    t.hash(&mut h);
    theme.hash(&mut h);
    highlight
        .selected
        .map(|(m, sides)| (&m.id, sides))
        .hash(&mut h);
    // The hovered muscle changes this drawing only if it is drawn on this view.
    highlight
        .hovered
        .filter(|hit| {
            atlas
                .muscle(&hit.muscle)
                .is_some_and(|m| m.shapes.iter().any(|s| s.view == view.id))
        })
        .map(|hit| (&hit.muscle, hit.side))
        .hash(&mut h);
    highlight.all_muscles.hash(&mut h);
    for (m, colour) in highlight.overlay {
        (&m.id, colour).hash(&mut h);
    }
    (highlight.show_shape, highlight.show_zones).hash(&mut h);
    highlight.trigger_point.hash(&mut h);
    h.finish()
}

/// The body drawing of one panel without text: skin, muscles, the pattern, lines
/// and trigger points, bottom to top.
fn body_shapes(
    out: &mut Vec<Shape>,
    atlas: &Atlas,
    theme: &Theme,
    view: &View,
    panel: &Panel,
    t: &ScreenFromBody,
    highlight: Highlight<'_>,
) {
    let outline_w = line_width(theme, theme.outline_width.0, t);
    let detail_w = line_width(theme, theme.detail_width.0, t);
    // Skin.
    for part in &view.silhouette {
        out.push(fill_mesh(part, t, theme.skin));
    }

    muscle_map_shapes(out, atlas, theme, view, panel, t, &highlight, detail_w);

    // The selected muscle's shape, then its pattern on the chosen sides.
    // The patterns on show: the selected muscle in the theme's red, or several muscles
    // in the overlay palette, each in its own colour.
    let styles: Vec<(&Muscle, ZoneColors, Color32)> = if highlight.overlay.is_empty() {
        highlight
            .selected
            .map(|(m, _)| (m, ZoneColors::of_theme(theme), theme.selected_line))
            .into_iter()
            .collect()
    } else {
        highlight
            .overlay
            .iter()
            .map(|(m, c)| (*m, ZoneColors::of_colour(*c), *c))
            .collect()
    };
    let pattern_sides: &[Side] = highlight.selected.map_or(&Side::BOTH[..], |(_, s)| s);
    if styles.is_empty() {
        line_shapes(out, theme, view, t, outline_w, detail_w);
    } else {
        let shown = |side: Side| match view.kind {
            ViewKind::Bilateral { .. } => Some(side),
            ViewKind::Lateral { .. } => (side == panel.side).then_some(Side::Right),
        };
        for (muscle, _, line) in styles.iter().filter(|_| highlight.show_shape) {
            let fill = if highlight.overlay.is_empty() {
                theme.selected_fill
            } else {
                line.gamma_multiply(0.25)
            };
            for shape in muscle.shapes.iter().filter(|s| s.view == view.id) {
                for &side in pattern_sides {
                    if let Some(g) = shown(side) {
                        out.push(fill_mesh(shape.fill.get(g), t, fill));
                    }
                }
            }
        }
        // The X marks' halos go under the zones, so an X never hides a zone: on red
        // the dark arms alone show it, on skin the halo keeps it crisp.
        let single = highlight.overlay.is_empty();
        let chosen = highlight.trigger_point.filter(|_| single);
        for (muscle, _, _) in &styles {
            halo_shapes(out, theme, muscle, view, t, chosen, pattern_sides, &shown);
        }
        // Spillover of every pattern first, then every essential zone on top.
        for kind in [ZoneKind::Spillover, ZoneKind::Essential] {
            for (muscle, colours, _) in styles.iter().filter(|_| highlight.show_zones) {
                for zone in muscle
                    .zones
                    .iter()
                    .filter(|z| z.view == view.id && z.kind == kind && z.refers_from(chosen))
                {
                    let zone_sides = zone_sides(zone, pattern_sides);
                    for &side in zone_sides {
                        let Some(g) = shown(side) else { continue };
                        let tess = zone.fill.get(g);
                        if single && kind == ZoneKind::Spillover {
                            // Skin under the wash: over the selected muscle's blue the
                            // pale red would turn lavender and stop reading as pain.
                            out.push(fill_mesh(tess, t, theme.skin));
                        }
                        zone_shapes(out, *colours, t, tess, zone.dots.get(g), kind);
                    }
                }
            }
        }
        // Compared patterns: every zone's edge in its muscle's colour over all the
        // fills, so where two patterns overlap the one beneath still shows its extent.
        if !single && highlight.show_zones {
            for (muscle, _, line) in &styles {
                for zone in muscle.zones.iter().filter(|z| z.view == view.id) {
                    let zone_sides = zone_sides(zone, pattern_sides);
                    for &side in zone_sides {
                        let Some(g) = shown(side) else { continue };
                        let pts =
                            closed_points(zone.fill.get(g).for_scale(t.pixels_per_unit()).0, t);
                        out.push(Shape::line(pts, Stroke::new(detail_w * 1.8, *line)));
                    }
                }
            }
        }
        // Body lines go over the pattern so the anatomy still reads through it.
        line_shapes(out, theme, view, t, outline_w, detail_w);
        for (muscle, _, line) in styles.iter().filter(|_| highlight.show_shape) {
            for shape in muscle.shapes.iter().filter(|s| s.view == view.id) {
                for &side in pattern_sides {
                    if let Some(g) = shown(side) {
                        let pts =
                            closed_points(shape.fill.get(g).for_scale(t.pixels_per_unit()).0, t);
                        let stroke = Stroke::new(detail_w * 1.6, *line);
                        outline_shapes(out, pts, stroke, muscle.layer, Dash::SELECTED, t.scale());
                    }
                }
            }
        }
        for (muscle, _, line) in &styles {
            for tp in muscle.trigger_points.iter().filter(|tp| tp.view == view.id) {
                for &side in pattern_sides {
                    if let Some(g) = shown(side) {
                        let centre = t.apply(*tp.pos.get(g));
                        if !highlight.overlay.is_empty() {
                            // A ring in the muscle's colour says whose X it is.
                            let r = (8.0 * t.scale()).max(8.0);
                            out.push(Shape::circle_stroke(
                                centre,
                                r,
                                Stroke::new((1.8 * t.scale()).max(2.0), *line),
                            ));
                        }
                        match chosen {
                            // Another trigger point's X, faint: this is not its pattern.
                            Some(c) if c != tp.label => {
                                out.extend(trigger_point_arms(
                                    theme.trigger_point.gamma_multiply(0.35),
                                    centre,
                                    t.scale(),
                                ));
                            }
                            Some(_) => out.extend(trigger_point_arms(
                                theme.trigger_point,
                                centre,
                                t.scale() * CHOSEN_X,
                            )),
                            None => {
                                out.extend(trigger_point_arms(
                                    theme.trigger_point,
                                    centre,
                                    t.scale(),
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The sides a zone is drawn on: both for a zone that refers to both sides, else
/// the sides the pattern is shown on.
fn zone_sides<'a>(zone: &crate::model::Zone, pattern_sides: &'a [Side]) -> &'a [Side] {
    if zone.bilateral {
        &Side::BOTH
    } else {
        pattern_sides
    }
}

/// How a deep muscle's outline is dashed: dash length in points at scale 1, and the
/// gap as a share of the dash.
#[derive(Clone, Copy, Debug)]
struct Dash {
    length: f32,
    gap: f32,
}

impl Dash {
    /// The faint map of muscles to click.
    const MAP: Dash = Dash {
        length: 4.0,
        gap: 0.7,
    };
    /// The selected muscle's outline, heavier.
    const SELECTED: Dash = Dash {
        length: 5.0,
        gap: 0.6,
    };
}

/// A muscle's outline: solid for superficial muscles, dashed for deep ones (the
/// convention for a muscle seen through others).
fn outline_shapes(
    out: &mut Vec<Shape>,
    pts: Vec<Pos2>,
    stroke: Stroke,
    layer: Layer,
    dash: Dash,
    scale: f32,
) {
    if layer == Layer::Deep {
        let length = (dash.length * scale).max(3.0);
        out.extend(Shape::dashed_line(&pts, stroke, length, length * dash.gap));
    } else {
        out.push(Shape::line(pts, stroke));
    }
}

/// Every muscle on this view, faintly, so people can see where to click; with a
/// pattern on show only the hovered one.
#[expect(
    clippy::too_many_arguments,
    reason = "the panel's drawing context, passed as body_shapes has it"
)]
fn muscle_map_shapes(
    out: &mut Vec<Shape>,
    atlas: &Atlas,
    theme: &Theme,
    view: &View,
    panel: &Panel,
    t: &ScreenFromBody,
    highlight: &Highlight<'_>,
    detail_w: f32,
) {
    let visible_sides: &[Side] = match view.kind {
        ViewKind::Bilateral { .. } => &Side::BOTH,
        ViewKind::Lateral { .. } => std::slice::from_ref(&panel.side),
    };
    for &i in atlas.draw_order(&view.id).iter() {
        let muscle = &atlas.muscles[i];
        for shape in muscle.shapes.iter().filter(|s| s.view == view.id) {
            for &side in visible_sides {
                let geometry_side = match view.kind {
                    ViewKind::Bilateral { .. } => side,
                    ViewKind::Lateral { .. } => Side::Right,
                };
                let tess = shape.fill.get(geometry_side);
                let is_hovered = highlight
                    .hovered
                    .is_some_and(|h| h.muscle == muscle.id && h.side == side);
                // Other muscles are drawn only as a map of where to click; with a
                // pattern on show they would crowd it, so then only the hovered one is.
                // Deeper layers would hide the surface map; they appear on hover.
                if !is_hovered && (!highlight.all_muscles || muscle.layer != Layer::Superficial) {
                    continue;
                }
                let fill = if is_hovered {
                    theme.muscle_hover_fill
                } else {
                    theme.muscle_fill
                };
                out.push(fill_mesh(tess, t, fill));
                let pts = closed_points(tess.for_scale(t.pixels_per_unit()).0, t);
                let stroke = Stroke::new(detail_w * 0.8, theme.muscle_line);
                outline_shapes(out, pts, stroke, muscle.layer, Dash::MAP, t.scale());
            }
        }
    }
}

/// The halos of `muscle`'s X marks on `view` (only the chosen one's, if one is
/// chosen), drawn before the zones.
#[expect(
    clippy::too_many_arguments,
    reason = "the panel's drawing context, passed as body_shapes has it"
)]
fn halo_shapes(
    out: &mut Vec<Shape>,
    theme: &Theme,
    muscle: &Muscle,
    view: &View,
    t: &ScreenFromBody,
    chosen: Option<&str>,
    sides: &[Side],
    shown: &dyn Fn(Side) -> Option<Side>,
) {
    for tp in muscle.trigger_points.iter().filter(|tp| tp.view == view.id) {
        if chosen.is_some_and(|c| c != tp.label) {
            continue;
        }
        for &side in sides {
            if let Some(g) = shown(side) {
                let scale = t.scale() * if chosen.is_some() { CHOSEN_X } else { 1.0 };
                out.extend(trigger_point_halo(theme, t.apply(*tp.pos.get(g)), scale));
            }
        }
    }
}

fn line_shapes(
    out: &mut Vec<Shape>,
    theme: &Theme,
    view: &View,
    t: &ScreenFromBody,
    outline_w: f32,
    detail_w: f32,
) {
    for line in &view.lines {
        let (w, color) = match line.weight {
            LineWeight::Outline => (outline_w, theme.outline),
            LineWeight::Detail => (detail_w, theme.detail),
            LineWeight::Faint => (detail_w * 0.8, theme.faint),
        };
        let points = line.points_for_scale(t.pixels_per_unit());
        let pts = if line.closed {
            closed_points(points, t)
        } else {
            open_points(points, t)
        };
        out.push(Shape::line(pts, Stroke::new(w, color)));
    }
    for part in &view.silhouette {
        out.push(Shape::line(
            closed_points(part.for_scale(t.pixels_per_unit()).0, t),
            Stroke::new(outline_w, theme.outline),
        ));
    }
}

/// The colours of one pattern's zones.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoneColors {
    pub essential: Color32,
    pub wash: Color32,
    pub dot: Color32,
}

impl ZoneColors {
    /// The theme's red pattern.
    #[must_use]
    pub fn of_theme(theme: &Theme) -> Self {
        Self {
            essential: theme.essential,
            wash: theme.spillover_wash,
            dot: theme.spillover_dot,
        }
    }

    /// A pattern in one overlay colour: solid for essential, a pale wash with dots of
    /// the same colour for spillover.
    #[must_use]
    pub fn of_colour(colour: Color32) -> Self {
        Self {
            essential: colour.gamma_multiply(0.9),
            wash: colour.gamma_multiply(0.18),
            dot: colour,
        }
    }
}

/// A zone's shapes: essential solid with a crisp edge; spillover as a pale wash with
/// dots, so the two differ in texture as well as colour.
pub fn zone_shapes(
    out: &mut Vec<Shape>,
    colours: ZoneColors,
    t: &ScreenFromBody,
    tess: &Tessellation,
    dots: &[Pos2],
    kind: ZoneKind,
) {
    match kind {
        ZoneKind::Essential => {
            out.push(fill_mesh(tess, t, colours.essential));
            // A same-colour stroke anti-aliases the mesh edge.
            out.push(Shape::line(
                closed_points(tess.for_scale(t.pixels_per_unit()).0, t),
                Stroke::new(1.0, colours.essential),
            ));
        }
        ZoneKind::Spillover => {
            out.push(fill_mesh(tess, t, colours.wash));
            let radius = (0.95 * t.scale()).max(0.9);
            out.extend(
                dots.iter()
                    .map(|d| Shape::circle_filled(t.apply(*d), radius, colours.dot)),
            );
        }
    }
}

/// How much larger the chosen trigger point's X is drawn.
const CHOSEN_X: f32 = 1.3;

/// The two strokes of an X of `width` points in `color`, its arms `scale`d.
fn x_strokes(center: Pos2, scale: f32, width: f32, color: Color32) -> [Shape; 2] {
    let r = (5.5 * scale).max(5.0);
    let stroke = Stroke::new(width, color);
    [
        Shape::line_segment([center + vec2(-r, -r), center + vec2(r, r)], stroke),
        Shape::line_segment([center + vec2(-r, r), center + vec2(r, -r)], stroke),
    ]
}

fn x_width(scale: f32) -> f32 {
    (1.6 * scale).max(2.0)
}

/// The light halo of an X, drawn under the zones.
pub fn trigger_point_halo(theme: &Theme, center: Pos2, scale: f32) -> [Shape; 2] {
    x_strokes(center, scale, x_width(scale) + 2.5, theme.trigger_halo)
}

/// The dark arms of an X, drawn over everything.
pub fn trigger_point_arms(color: Color32, center: Pos2, scale: f32) -> [Shape; 2] {
    x_strokes(center, scale, x_width(scale), color)
}

/// An X with a light halo so it reads on red and on skin alike (the legend's key).
pub fn trigger_point_shapes(theme: &Theme, center: Pos2, scale: f32) -> [Shape; 4] {
    let [a, b] = trigger_point_halo(theme, center, scale);
    let [c, d] = trigger_point_arms(theme.trigger_point, center, scale);
    [a, b, c, d]
}

/// The patient's R and L on every view.
fn paint_side_labels(
    painter: &Painter,
    theme: &Theme,
    view: &View,
    t: &ScreenFromBody,
    min_size: f32,
) {
    let board = t.apply_rect(view.content);
    let size = (board.width() * 0.07).clamp(13.0, 40.0).max(min_size);
    let font = FontId::proportional(size);
    match view.kind {
        ViewKind::Bilateral { patient_right } => {
            let (left_letter, right_letter) = match patient_right {
                ScreenHalf::ViewerLeft => ("R", "L"),
                ScreenHalf::ViewerRight => ("L", "R"),
            };
            let y = board.top() + board.height() * 0.2;
            painter.text(
                pos2(board.left() + size * 0.4, y),
                Align2::LEFT_CENTER,
                left_letter,
                font.clone(),
                theme.side_label,
            );
            painter.text(
                pos2(board.right() - size * 0.4, y),
                Align2::RIGHT_CENTER,
                right_letter,
                font,
                theme.side_label,
            );
        }
        // A side view shows one side only, and its title already names it.
        ViewKind::Lateral { .. } => {}
    }
}

/// The patient's marked spots: translucent violet discs, so zones show through.
fn paint_marks(
    painter: &Painter,
    theme: &Theme,
    view: &View,
    panel: &Panel,
    t: &ScreenFromBody,
    marks: &[PainMark],
) {
    let lateral = matches!(view.kind, ViewKind::Lateral { .. });
    for mark in marks
        .iter()
        .filter(|m| m.view == view.id && (!lateral || m.panel_side == panel.side))
    {
        let centre = t.apply(mark.pos);
        let radius = mark.radius * t.scale();
        painter.circle(
            centre,
            radius,
            theme.mark_fill,
            Stroke::new(1.5, theme.mark_line),
        );
    }
}
