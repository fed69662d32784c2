//! A wgpu device without a window, rendering egui frames into an image.
//!
//! Prefers a CPU adapter (Mesa's lavapipe on Linux) when there is one, so images are
//! the same on every machine and need no display; falls back to any adapter.

use std::sync::Arc;
use std::time::Duration;

use egui_wgpu::wgpu;
use image::RgbaImage;

/// How long to wait for the GPU before giving up on a frame.
const GPU_TIMEOUT: Duration = Duration::from_secs(20);

/// Renders egui UIs into RGBA images.
pub struct OffscreenRenderer {
    state: egui_wgpu::RenderState,
    /// Kept between pictures so fonts are laid out and uploaded once.
    ctx: egui::Context,
}

impl OffscreenRenderer {
    /// Opens a wgpu device.
    ///
    /// Without `XDG_RUNTIME_DIR` and a Wayland session, Mesa's software OpenGL
    /// (llvmpipe) is tried first, through wgpu's GL backend: Mesa's Vulkan
    /// device-selection layer looks for a Wayland compositor each time Vulkan lists its
    /// devices, and libwayland then prints its complaint about the missing variable
    /// twice. The pictures agree within 3 levels (1,531 of
    /// 8.3 million pixels differ at 3840 × 2160). Every other case, and the fallback
    /// when that adapter is missing, is Vulkan or any backend as before;
    /// `WGPU_BACKEND` still picks one.
    ///
    /// # Errors
    /// No usable graphics adapter (install `libvulkan1 mesa-vulkan-drivers` on Debian).
    pub fn new() -> Result<Self, String> {
        let unset = |name: &str| std::env::var_os(name).is_none_or(|v| v.is_empty());
        if unset("XDG_RUNTIME_DIR")
            && unset("WAYLAND_DISPLAY")
            && unset("WGPU_BACKEND")
            && let Ok(renderer) = Self::on(Some(wgpu::Backends::GL), true)
        {
            return Ok(renderer);
        }
        Self::on(None, false)
    }

    /// Opens a wgpu device on `backends` (default: every native one), on a CPU
    /// adapter only if `cpu_only`.
    fn on(backends: Option<wgpu::Backends>, cpu_only: bool) -> Result<Self, String> {
        let mut create = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        if let Some(backends) = backends {
            create.instance_descriptor.backends = backends;
        }
        create
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        create.native_adapter_selector = Some(Arc::new(move |adapters, _surface| {
            let rank = |a: &wgpu::Adapter| match a.get_info().device_type {
                wgpu::DeviceType::Cpu => 0,
                wgpu::DeviceType::DiscreteGpu | wgpu::DeviceType::IntegratedGpu => 1,
                wgpu::DeviceType::VirtualGpu | wgpu::DeviceType::Other => 2,
            };
            adapters
                .iter()
                .filter(|a| !cpu_only || rank(a) == 0)
                .min_by_key(|a| rank(a))
                .cloned()
                .ok_or_else(|| "no graphics adapter found".to_owned())
        }));
        let setup = egui_wgpu::WgpuSetup::CreateNew(create);
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| {
            format!("cannot start offscreen rendering: {e}. On Debian, install libvulkan1 and mesa-vulkan-drivers.")
        })?;
        Ok(Self {
            state,
            ctx: egui::Context::default(),
        })
    }

    /// Runs `ui` in an egui context of `size_px` pixels and returns the picture, on a
    /// background of `clear` (cheaper than painting a full-size rectangle, which
    /// matters on a software rasteriser).
    ///
    /// # Errors
    /// A GPU error or timeout, as a sentence.
    pub fn render(
        &mut self,
        size_px: [u32; 2],
        pixels_per_point: f32,
        dark: bool,
        clear: egui::Color32,
        mut ui: impl FnMut(&mut egui::Ui),
    ) -> Result<RgbaImage, String> {
        let ctx = self.ctx.clone();
        ctx.set_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let size_points = egui::vec2(size_px[0] as f32, size_px[1] as f32) / pixels_per_point;
        let input = || {
            let mut raw = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size_points)),
                ..Default::default()
            };
            if let Some(viewport) = raw.viewports.get_mut(&egui::ViewportId::ROOT) {
                viewport.native_pixels_per_point = Some(pixels_per_point);
            }
            raw
        };
        // The first pass measures text; the second lays it out with the measurements.
        let mut textures = egui::TexturesDelta::default();
        let mut output = ctx.run_ui(input(), |ui_root| ui(ui_root));
        textures.append(std::mem::take(&mut output.textures_delta));
        let mut output = ctx.run_ui(input(), |ui_root| ui(ui_root));
        textures.append(std::mem::take(&mut output.textures_delta));

        // Take the texture changes out so none is left unapplied on an early return.
        let texture_set = std::mem::take(&mut textures.set);
        let texture_free = std::mem::take(&mut textures.free);
        let device = &self.state.device;
        let queue = &self.state.queue;
        let mut renderer = self.state.renderer.write();
        for (id, deltas) in &texture_set {
            for delta in deltas {
                renderer.update_texture(device, queue, *id, delta);
            }
        }
        let primitives = ctx.tessellate(output.shapes, pixels_per_point);
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: size_px,
            pixels_per_point,
        };
        let format = self.state.target_format;
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export target"),
            size: wgpu::Extent3d {
                width: size_px[0],
                height: size_px[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("export"),
        });
        let extra = renderer.update_buffers(device, queue, &mut encoder, &primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color {
                                r: f64::from(egui::Rgba::from(clear).r()),
                                g: f64::from(egui::Rgba::from(clear).g()),
                                b: f64::from(egui::Rgba::from(clear).b()),
                                a: 1.0,
                            }),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &primitives, &screen);
        }
        // Copy the picture into a buffer the CPU can read; rows are padded to 256 bytes.
        let row_bytes = size_px[0] * 4;
        let padded_row = row_bytes.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT)
            * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export readback"),
            size: u64::from(padded_row) * u64::from(size_px[1]),
            usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded_row),
                    rows_per_image: Some(size_px[1]),
                },
            },
            texture.size(),
        );
        queue.submit(extra.into_iter().chain(std::iter::once(encoder.finish())));
        let slice = buffer.slice(..);
        slice.map_async(wgpu::MapMode::Read, |_| {});
        device
            .poll(wgpu::PollType::Wait {
                submission_index: None,
                timeout: Some(GPU_TIMEOUT),
            })
            .map_err(|e| format!("the GPU did not finish the picture: {e}"))?;
        let data = slice
            .get_mapped_range()
            .map_err(|e| format!("cannot read the picture back from the GPU: {e}"))?;
        let bgra = matches!(
            format,
            wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
        );
        let mut pixels = Vec::with_capacity((row_bytes * size_px[1]) as usize);
        for row in data.chunks(padded_row as usize) {
            for px in row[..row_bytes as usize].chunks_exact(4) {
                if bgra {
                    pixels.extend_from_slice(&[px[2], px[1], px[0], px[3]]);
                } else {
                    pixels.extend_from_slice(px);
                }
            }
        }
        drop(data);
        buffer.unmap();
        for id in &texture_free {
            renderer.free_texture(id);
        }
        RgbaImage::from_raw(size_px[0], size_px[1], pixels)
            .ok_or_else(|| "the picture has the wrong size".to_owned())
    }
}
