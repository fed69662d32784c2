//! The loaded atlas and the invariants every reader relies on: muscles in list order,
//! a paint order per view, and a generation that changes with the data.

use super::{Group, Muscle, MuscleId, View, ViewId, WarningRegion, Warnings};
use crate::geometry::polygon_area;

/// Region order of the side list, head to foot. Unknown regions come after these.
pub const REGION_ORDER: [&str; 7] = [
    "Head and neck",
    "Shoulder and upper back",
    "Chest and abdomen",
    "Arm and hand",
    "Low back and hip",
    "Thigh",
    "Leg and foot",
];

/// Everything loaded: views and muscles, in display order.
///
/// Made only by [`Atlas::new`], which sorts the muscles, works out the paint order of
/// every view and gives the atlas a new generation. To change the data, build a new
/// atlas from the changed parts.
#[derive(Clone, Debug, Default)]
pub struct Atlas {
    pub views: Vec<View>,
    /// Sorted by region order, then name.
    pub muscles: Vec<Muscle>,
    /// The warning signs of each body region, and where each zone area lies.
    pub warnings: Warnings,
    /// Functional groups (rotator cuff, hamstrings …), in the file's order.
    pub groups: Vec<Group>,
    /// Paint order of the muscles on each view (hit-testing and painting read it every
    /// frame).
    draw_orders: Vec<(ViewId, Vec<usize>)>,
    /// Different for every atlas built in this process, so drawings kept between
    /// frames (the panel mesh cache) are never reused for changed data.
    generation: u64,
}

impl Atlas {
    /// An atlas of `views`, `muscles`, `warnings` and `groups`, with its invariants
    /// established.
    #[must_use]
    pub fn new(
        views: Vec<View>,
        mut muscles: Vec<Muscle>,
        warnings: Warnings,
        groups: Vec<Group>,
    ) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        sort_muscles(&mut muscles);
        let mut atlas = Self {
            views,
            muscles,
            warnings,
            groups,
            draw_orders: Vec::new(),
            generation: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        atlas.draw_orders = atlas
            .views
            .iter()
            .map(|v| (v.id.clone(), compute_draw_order(&atlas.muscles, &v.id)))
            .collect();
        atlas
    }

    /// Which data this is: a new number for every atlas built.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Indices into `muscles` of the muscles that have a shape on `view`, in the
    /// order they are painted: deep layers first, then larger shapes before smaller
    /// ones, so that small superficial muscles stay on top and clickable.
    #[must_use]
    #[inline]
    pub fn draw_order(&self, view: &ViewId) -> std::borrow::Cow<'_, [usize]> {
        match self.draw_orders.iter().find(|(v, _)| v == view) {
            Some((_, order)) => std::borrow::Cow::Borrowed(order),
            None => std::borrow::Cow::Owned(compute_draw_order(&self.muscles, view)),
        }
    }

    /// The warning signs for the regions `muscle`'s pattern refers pain to, head to
    /// foot.
    #[must_use]
    pub fn warnings_for(&self, muscle: &Muscle) -> Vec<&WarningRegion> {
        self.warnings.for_muscle(muscle)
    }

    /// The groups `muscle` belongs to, in the file's order.
    #[must_use]
    pub fn groups_of(&self, muscle: &MuscleId) -> Vec<&Group> {
        self.groups
            .iter()
            .filter(|g| g.members.contains(muscle))
            .collect()
    }

    /// The group with this id.
    #[must_use]
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The view with this id.
    #[must_use]
    #[inline]
    pub fn view(&self, id: &ViewId) -> Option<&View> {
        self.views.iter().find(|v| &v.id == id)
    }

    /// The muscle with this id.
    #[must_use]
    pub fn muscle(&self, id: &MuscleId) -> Option<&Muscle> {
        self.muscles.iter().find(|m| &m.id == id)
    }

    /// The views shown when no muscle is selected.
    #[must_use]
    pub fn start_views(&self) -> Vec<&ViewId> {
        self.views
            .iter()
            .filter(|v| v.on_start)
            .map(|v| &v.id)
            .collect()
    }

    /// Region names in the order they first appear.
    #[must_use]
    pub fn regions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in &self.muscles {
            if !out.contains(&m.region.as_str()) {
                out.push(&m.region);
            }
        }
        out
    }
}

/// Sorts muscles for the side list: by region, head to foot, then by name.
fn sort_muscles(muscles: &mut [Muscle]) {
    muscles.sort_by(|a, b| {
        let rank = |r: &str| {
            REGION_ORDER
                .iter()
                .position(|o| *o == r)
                .unwrap_or(REGION_ORDER.len())
        };
        (rank(&a.region), &a.region, &a.name).cmp(&(rank(&b.region), &b.region, &b.name))
    });
}

fn compute_draw_order(muscles: &[Muscle], view: &ViewId) -> Vec<usize> {
    let mut order: Vec<(usize, f32)> = muscles
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let area: f32 = m
                .shapes
                .iter()
                .filter(|s| &s.view == view)
                .map(|s| polygon_area(&s.fill.right.outline).abs())
                .sum();
            (area > 0.0).then_some((i, area))
        })
        .collect();
    order.sort_by(|(a, area_a), (b, area_b)| {
        let (la, lb) = (muscles[*a].layer, muscles[*b].layer);
        lb.cmp(&la).then(area_b.total_cmp(area_a)).then(a.cmp(b))
    });
    order.into_iter().map(|(i, _)| i).collect()
}
