//! "About trigger points": the background a patient, student or lecturer needs, in
//! plain words, with the safety information first-class rather than small print.

use egui::{RichText, Ui};

use crate::model::Warnings;

/// One titled section of the about page.
struct Section {
    title: &'static str,
    paragraphs: &'static [&'static str],
}

const SECTIONS: &[Section] = &[
    Section {
        title: "What is a trigger point?",
        paragraphs: &[
            "A trigger point is a small, very tender spot inside a tight band of muscle. Pressing it hurts where you press, and it can also send pain somewhere else, sometimes far away. A knot at the top of the shoulder, for example, can be felt as a headache at the temple.",
            "Each muscle sends its pain to its own typical areas. These maps do not follow the nerve roots or dermatomes, which is why referred muscle pain is easy to mistake for a problem in the joint, the nerve or an organ where it is felt.",
        ],
    },
    Section {
        title: "Active and latent trigger points",
        paragraphs: &[
            "An active trigger point hurts on its own, at rest or with movement, and pressing it brings on the pain the person already knows. A latent trigger point hurts only when pressed; it can still make the muscle stiff and weak and limit how far a joint moves.",
        ],
    },
    Section {
        title: "The local twitch response",
        paragraphs: &[
            "When a trigger point is snapped across with a finger or reached with a needle, the tight band can give a brief, visible twitch. This helps an examiner confirm the spot. It is a short contraction of that band only, not a spasm of the whole muscle.",
        ],
    },
    Section {
        title: "How to read the drawings",
        paragraphs: &[
            "An X marks each trigger point. The solid red area is the essential zone: nearly everyone with that active trigger point feels pain there. The red dots mark the spillover zone: some people also feel pain there, usually when the trigger point is more irritable. This is the convention of Travell and Simons' Trigger Point Manual, redrawn in our own art.",
            "Pain is shown on the same side as the trigger point unless a pattern is marked as felt on both sides.",
        ],
    },
    Section {
        title: "Typical patterns, not a diagnosis",
        paragraphs: &[
            "The patterns here are composites from the literature: what is typical, not what every person feels. Trigger points themselves are still debated; researchers disagree about what they are and how reliably they can be found. Pain in the areas shown can have many other causes, some of them serious, so a clinician has to examine the person and decide.",
        ],
    },
    Section {
        title: "How certain these maps are",
        paragraphs: &[
            "Each map is a template drawn from many patients, not a picture of one person. When two examiners check the same muscles, they agree only moderately. A review of six studies found a kappa of about 0.45 for finding trigger points by touch, where 1 means full agreement and 0 means chance (Rathbone et al. 2017). For referred pain, one study found a kappa of about 0.33 to 0.44 (Hsieh et al. 2000).",
            "In 2018, sixty experts from twelve countries agreed that a trigger point is found by three signs: a taut band, a very tender spot, and referred pain. They also agreed that no exact place of referred pain should be expected (Fernández-de-las-Peñas and Dommerholt 2018). Use the maps as a guide to where to look and what to ask about, not as proof.",
        ],
    },
    Section {
        title: "Trigger point injections",
        paragraphs: &[
            "A trigger point injection puts a local anaesthetic such as lidocaine, sometimes mixed with a corticosteroid, directly into the knot in the muscle. It is done in the clinic and the visit usually takes about half an hour. Muscles often treated this way include the masseter, levator scapulae, gluteus medius, quadratus lumborum, trapezius, sternocleidomastoid and temporalis.",
            "Relief often starts within one to three days and commonly lasts about a month, sometimes longer. The aim is to calm the pain enough for stretching and physical therapy to work.",
            "Injections that contain a corticosteroid are usually limited to about four a year. If the first injection does not help enough, a second one is reasonable after at least a week, and preferably two. Injections with anaesthetic alone can be repeated more often.",
            "A trigger point injection is not an epidural. An epidural places medicine in the space around the spinal cord to treat pain from a disc or a narrowed spinal canal; a trigger point injection goes into a muscle knot.",
        ],
    },
];

/// The sections before the warning signs; the rest come after them.
const BEFORE_WARNINGS: usize = 6;

/// Shows the about page, with the warning signs of every body region.
pub fn about_ui(ui: &mut Ui, warnings: &Warnings) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (before, after) = SECTIONS.split_at(BEFORE_WARNINGS.min(SECTIONS.len()));
            for section in before {
                section_ui(ui, section);
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Get medical help right away for these warning signs").heading());
            ui.add_space(3.0);
            ui.label("These are not trigger point problems. Each part of the body has its own signs; the handout and the details of a muscle show those of the areas its pattern reaches.");
            for region in &warnings.regions {
                ui.add_space(4.0);
                ui.label(RichText::new(&region.name).strong());
                for sign in &region.signs {
                    ui.label(format!("• {sign}"));
                }
            }
            ui.add_space(3.0);
            ui.label("Chest pain can come from a muscle, but it must be treated as a possible heart problem until a doctor has ruled that out.");
            for section in after {
                section_ui(ui, section);
            }
            ui.add_space(8.0);
            ui.weak(
            "Sources: Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual; \
             NCBI StatPearls, Myofascial Pain; patient information on trigger point injections \
             from spine clinics; Rathbone ATL et al., Clin J Pain 2017;33:715-729 (interrater \
             agreement of trigger point palpation); Hsieh CYJ et al., Arch Phys Med Rehabil \
             2000;81:258-264; Fernández-de-las-Peñas C, Dommerholt J, Pain Med 2018;19:142-150 \
             (international Delphi consensus). Each muscle's own sources are listed with it. The warning signs \
             follow NICE guidelines (headache CG150, chest pain CG95, low back pain NG59, deep \
             vein thrombosis NG158), the SNNOOP10 list for headache and the other sources in \
             data/warnings.ron.",
        );
        });
}

fn section_ui(ui: &mut Ui, section: &Section) {
    ui.add_space(6.0);
    ui.label(RichText::new(section.title).heading());
    for p in section.paragraphs {
        ui.add_space(3.0);
        ui.label(*p);
    }
}
