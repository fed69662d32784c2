//! Pure geometry in body (artboard) coordinates: splines, polygons, tessellation,
//! hit-testing. Nothing here knows about `egui::Ui`; only `emath` types are used.

mod polygon;
mod simplify;
mod spline;
mod tessellate;
mod transform;

pub use polygon::{
    distance_to_outline, mirror_points, mirror_x, point_in_polygon, polygon_area,
    segments_intersect_properly, segments_touch,
};
pub use simplify::{LEVEL_TOLERANCES, MAX_SCREEN_ERROR, drawable, level_indices, levels};
pub use spline::{smooth_closed, smooth_open};
pub use tessellate::{Tessellation, stipple_points, triangles_area, triangulate};
pub use transform::ScreenFromBody;
