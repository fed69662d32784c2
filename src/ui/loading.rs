//! The note over the atlas while the user's data folder is being read: how many of
//! its files are done. The built-in atlas underneath stays usable meanwhile.

/// Shows the progress of reading the data folder near the top of the window, in the
/// space between the top bar and the figures' titles: `done` of `total` files
/// (`total` 0: not listed yet).
pub fn folder_progress_ui(ctx: &egui::Context, done: usize, total: usize) {
    let text = if total == 0 {
        "Loading your data folder…".to_owned()
    } else {
        format!(
            "Loading your data folder: {} of {} files",
            with_commas(done),
            with_commas(total)
        )
    };
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    egui::Area::new(egui::Id::unique("data folder progress"))
        .anchor(egui::Align2::CENTER_TOP, [0.0, 30.0])
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .text(text)
                        .desired_width(360.0),
                );
                ui.weak("The built-in atlas is shown until your files are read.");
            });
        });
}

/// `n` with a comma between each group of three digits: 5,000.
#[must_use]
pub fn with_commas(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_commas;

    #[test]
    fn thousands_are_grouped_by_commas() {
        assert_eq!(with_commas(0), "0");
        assert_eq!(with_commas(999), "999");
        assert_eq!(with_commas(1_234), "1,234");
        assert_eq!(with_commas(5_000), "5,000");
        assert_eq!(with_commas(1_234_567), "1,234,567");
    }
}
