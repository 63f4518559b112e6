# frozen_string_literal: true

# P2b, Ruby part: the bench theme (../templates) and the page data ThemeRender wrote, rendered by Shopify's Liquid
# the way a Ruby shop runs it: templates parsed once, snippets parsed once per template (Liquid's partial cache),
# plain hashes as data, no escaping. Measured like ThemeRender's RenderTimer: warm-up in turns, rounds of about equal
# length, the MEDIAN of the rounds' mean CPU time per render (best round and wall-clock printed beside it), GC.start
# before each round.
# Usage: ruby render.rb quick|full DATA_JSON FLUID_HTML. The last line printed is ruby_us=<median>.
require 'json'
require 'liquid'

# The same plans as ThemeRender's TimingPlan, less warm-up: CRuby has no JIT to wait for unless YJIT is turned on.
PLANS = {
  'quick' => { warm_up: 1.0, rounds: 15, round: 0.15 },
  'full' => { warm_up: 3.0, rounds: 41, round: 0.3 },
}.freeze

# {% include 'name' %} reads snippets/name.liquid of the bench theme.
class SnippetFiles
  def initialize(theme)
    @theme = theme
  end

  def read_template_file(name)
    File.read(File.join(@theme, 'snippets', "#{name}.liquid"))
  end
end

# Stand-ins for ResellerKit's money and asset_url: the same text for the bench data (usd, theme version 1).
module BenchFilters
  def money(input)
    raise ArgumentError, 'the bench money filter formats usd money only' unless input.is_a?(Hash) && input['currency'] == 'usd'

    whole, cents = input['amount'].divmod(100)
    "$#{whole.to_s.reverse.scan(/\d{1,3}/).join(',').reverse}.#{format('%02d', cents)}"
  end

  def asset_url(input)
    "#{@context['urls.assets'].chomp('/')}/#{input}?v=1"
  end
end

def normalize(html)
  html.gsub(/\s+/, ' ').gsub('> <', '><').strip
end

def now(clock)
  Process.clock_gettime(clock, :float_microsecond)
end

def run_for(seconds, render)
  started = now(Process::CLOCK_MONOTONIC)
  renders = 0
  while now(Process::CLOCK_MONOTONIC) - started < seconds * 1e6
    render.call
    renders += 1
  end
  [renders, now(Process::CLOCK_MONOTONIC) - started]
end

def median(values)
  values.sort[values.size / 2]
end

mode, data_path, fluid_path = ARGV
plan = PLANS[mode]
abort 'usage: ruby render.rb quick|full DATA_JSON FLUID_HTML' unless plan && data_path && fluid_path

theme = File.expand_path('../templates', __dir__)
Liquid::Template.file_system = SnippetFiles.new(theme)
Liquid::Template.register_filter(BenchFilters)
page = Liquid::Template.parse(File.read(File.join(theme, 'templates/index.liquid')), error_mode: :strict)
layout = Liquid::Template.parse(File.read(File.join(theme, 'layout/theme.liquid')), error_mode: :strict)
page_data = JSON.parse(File.read(data_path))
layout_data = page_data.dup
render = lambda do
  layout_data['content_for_layout'] = page.render!(page_data)
  layout.render!(layout_data)
end

html = render.call
fluid = File.read(fluid_path)
if normalize(html) != normalize(fluid)
  a = normalize(fluid)
  b = normalize(html)
  at = (0...[a.size, b.size].min).find { |i| a[i] != b[i] } || [a.size, b.size].min
  from = [at - 60, 0].max
  warn "ruby-liquid rendered a different page than fluid (#{b.size} vs #{a.size} normalised chars), first at #{at}:"
  warn "  fluid: …#{a[from, 120]}…"
  warn "  ruby-liquid: …#{b[from, 120]}…"
  exit 1
end
puts "page: #{html.size} chars from Ruby Liquid, same as Fluid's after whitespace normalisation"

# Warm-up in 100 ms turns; the fastest (least disturbed) turn sizes the rounds.
per_round = 1
warm_up_started = now(Process::CLOCK_MONOTONIC)
while now(Process::CLOCK_MONOTONIC) - warm_up_started < plan[:warm_up] * 1e6
  renders, elapsed = run_for(0.1, render)
  per_round = [per_round, (renders * plan[:round] * 1e6 / elapsed).to_i].max
end
cpu = []
wall = []
plan[:rounds].times do
  GC.start
  cpu_before = now(Process::CLOCK_PROCESS_CPUTIME_ID)
  wall_before = now(Process::CLOCK_MONOTONIC)
  per_round.times { render.call }
  wall << (now(Process::CLOCK_MONOTONIC) - wall_before) / per_round
  cpu << (now(Process::CLOCK_PROCESS_CPUTIME_ID) - cpu_before) / per_round
end

yjit = defined?(RubyVM::YJIT) && RubyVM::YJIT.enabled? ? ', YJIT' : ''
puts format('ruby-liquid %<liquid>s (ruby %<ruby>s%<yjit>s): median %<cpu>.1f us CPU/render (best round %<best>.1f, ' \
            'wall median %<wall>.1f) over %<n>d rounds of %<per>d; CPU rounds: %<rounds>s',
            liquid: Liquid::VERSION, ruby: RUBY_VERSION, yjit: yjit, cpu: median(cpu), best: cpu.min, wall: median(wall),
            n: cpu.size, per: per_round, rounds: cpu.map { |us| format('%.1f', us) }.join(' '))
puts format('ruby_us=%.1f', median(cpu))
