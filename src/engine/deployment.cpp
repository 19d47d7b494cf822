// Expanding a template into the frames of one deployment: nested deployments, module calls and loops.
#include "engine/deployment.h"

#include <filesystem>

#include "load/arm_template.h"
#include "load/bicep_template.h"
#include "load/file_reader.h"
#include "load/module_path.h"
#include "rules/catalog.h"

namespace idlint {

namespace {
// The linted file is loaded apart from the module files it calls: compare paths, not templates.
bool same_file(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}
}  // namespace

ModuleLoader::Entry& ModuleLoader::load(const std::string& caller_path, std::string_view written) {
  const ModuleTarget target = resolve_module_path(caller_path, written, cache_dir_);
  const std::string key = target.path.empty() ? "?" + std::string(written) + "@" + caller_path : target.path;
  auto [it, inserted] = entries_.try_emplace(key);
  Entry& e = it->second;
  if (!inserted) return e;
  e.path = target.path;
  if (target.path.empty()) {
    e.error = target.unknown_reason;
    return e;
  }
  FileRead read = read_input_file(target.path);
  if (!read.ok()) {
    e.error = "module file '" + target.path + "' cannot be read: " + read.error;
    return e;
  }
  auto file = std::make_shared<const SourceFile>(target.path, std::move(read.text));
  if (is_bicep_path(target.path)) {
    // A module with syntax errors is still followed as far as it parsed; its own lint reports them.
    e.tmpl = load_bicep(file, false).tmpl;
  } else {
    ArmLoadResult loaded = load_arm_template(file);
    if (loaded.syntax_error || !loaded.is_template) {
      e.error = "module file '" + target.path + "' is not a deployment template";
    } else {
      e.tmpl = std::move(loaded.tmpl);
    }
  }
  return e;
}

Deployment::Deployment(Frame root, ModuleLoader* modules)
    : structure_(defaults_, &structure_shared_), modules_(modules) {
  root.kind = Frame::Kind::Root;
  frames_.push_back(std::move(root));
  expand(&frames_.front(), 0);
}

Frame* Deployment::add(Frame f) {
  frames_.push_back(std::move(f));
  return &frames_.back();
}

std::vector<Frame*> Deployment::iterations(Frame* frame, const Loop& loop) {
  std::vector<Frame*> out;
  if (!loop.loops()) {
    out.push_back(frame);
    return out;
  }
  // The loop's source is read with every parameter at its default: its items decide which
  // frames exist, before any binding is chosen.
  const Val source =
      structure_.evaluate(Evaluator::Context{frame->tmpl, Origin::Kind::Template, {}, frame}, *loop.source);
  auto iteration = [&](std::vector<std::pair<std::string, Val>> locals, bool counted = true) {
    // Every loop frame counts against the file's budget: loops nested in loops, modules and
    // nested deployments cannot multiply past it (kMaxFrames bounds one deployment alone).
    if (counted && !structure_.charge_iteration()) return false;
    Frame f;
    f.kind = Frame::Kind::Loop;
    f.tmpl = frame->tmpl;
    f.parent = frame;
    f.locals = std::move(locals);
    out.push_back(add(std::move(f)));
    return true;
  };
  auto number = [](long long n) {
    Val v;
    v.kind = Val::Kind::Number;
    v.number = n;
    return v;
  };
  if (structure_.budget().exhausted()) {
    iteration({}, false);
  } else if (loop.arm_copy && source.kind == Val::Kind::Number && source.number >= 0) {
    const long long count = std::min<long long>(source.number, kMaxLoopIterations);
    for (long long i = 0; i < count && frames_.size() < kMaxFrames; ++i) {
      std::vector<std::pair<std::string, Val>> locals = {{"copyIndex", number(i)}};
      if (!loop.item.empty()) locals.emplace_back("copyIndex:" + to_lower_ascii(loop.item), number(i));
      if (!iteration(std::move(locals))) break;
    }
  } else if (!loop.arm_copy && source.kind == Val::Kind::Array) {
    for (size_t i = 0; i < source.items.size() && i < kMaxLoopIterations && frames_.size() < kMaxFrames; ++i) {
      std::vector<std::pair<std::string, Val>> locals;
      if (!loop.item.empty()) locals.emplace_back(std::string(loop.item), source.items[i]);
      if (!loop.index.empty()) locals.emplace_back(std::string(loop.index), number(static_cast<long long>(i)));
      if (!iteration(std::move(locals))) break;
    }
  } else {
    // Not known: the body once, with the loop variables Unknown (equal to themselves only). Also
    // when the budget is used up, so that the resource is still there to be explained as unknown.
    iteration({}, false);
  }
  return out;
}

void Deployment::arguments_from_deployment(Frame& call, const Resource& deployment) {
  const Value* props = deployment.body->find("properties");
  const Value* params = props && props->is_object() ? props->find("parameters") : nullptr;
  if (!params) return;
  if (!params->is_object()) {
    call.args_unknown_reason = "the parameters passed by the deployment are not a literal object";
    return;
  }
  for (uint32_t i = 0; i < params->size; ++i) {
    const Member& m = params->members[i];
    if (!m.key->is_string()) continue;
    Frame::Argument a;
    a.name = m.key->text;
    a.span = m.value->span;
    const Value* v = m.value->is_object() ? m.value->find("value") : nullptr;
    if (v) {
      a.value = v;
      a.span = v->span;
    } else if (m.value->is_object() && m.value->find("reference")) {
      a.unknown_reason = "parameter '" + std::string(a.name) + "' is a Key Vault reference, read at deployment";
    } else {
      a.unknown_reason = "the value passed to parameter '" + std::string(a.name) + "' is not written as {\"value\": …}";
    }
    call.args.push_back(std::move(a));
  }
}

void Deployment::arguments_from_module(Frame& call, const ModuleCall& module) {
  if (!module.params) return;
  if (!module.params->is_object()) {
    call.args_unknown_reason =
        "the params of module '" + std::string(module.symbolic_name) + "' are not a literal object";
    return;
  }
  for (uint32_t i = 0; i < module.params->size; ++i) {
    const Member& m = module.params->members[i];
    if (!m.key->is_string()) continue;
    call.args.push_back(Frame::Argument{m.key->text, m.value, {}, m.value->span});
  }
}

bool worth_checking(const Resource& r) {
  if (r.body->find("identity")) return true;
  if (equals_ignore_case(r.full_type, "Microsoft.DBforPostgreSQL/flexibleServers") ||
      equals_ignore_case(r.full_type, "Microsoft.DBforMySQL/flexibleServers")) {
    return true;
  }
  // IDL014: a property naming an identity, on a resource without one or on a child naming its parent's.
  return r.body->find("properties") && !r.full_type.empty() &&
         !IdentityCatalog::builtin().identity_references(r.full_type).empty();
}

void Deployment::expand(Frame* frame, unsigned module_depth) {
  const Template& t = *frame->tmpl;
  for (const Resource& r : t.resources) {
    // Only resources a rule looks at are expanded into their loop iterations.
    if (!worth_checking(r)) continue;
    for (Frame* f : iterations(frame, r.loop)) instances_.push_back(Instance{&r, f});
  }
  for (const auto& nested : t.nested) {
    if (!nested->deployment) continue;
    for (Frame* at : iterations(frame, nested->deployment->loop)) {
      if (frames_.size() >= kMaxFrames) return;
      Frame call;
      call.kind = Frame::Kind::Call;
      call.tmpl = nested.get();
      call.parent = at;
      call.caller_tmpl = &t;
      call.condition = nested->deployment->condition;
      call.deployment = nested->deployment;
      call.label = "the calling deployment";
      // With scope 'outer' the nested template reads the caller's parameters; nothing is passed.
      if (!nested->outer_scope) arguments_from_deployment(call, *nested->deployment);
      Frame* callee = add(std::move(call));
      if (!nested->deployment->loop.loops()) frame->deployment_frames.emplace_back(nested->deployment, callee);
      expand(callee, module_depth);
    }
  }
  if (!modules_ || !modules_->follows()) return;
  for (const ModuleCall& m : t.modules) {
    ModuleLoader::Entry& target = modules_->load(t.file->path(), m.path);
    if (!target.tmpl) {
      notes_.push_back(Note{&m, &t, target.error});
      continue;
    }
    // A module that (directly or not) calls itself, or a chain deeper than the limit, stops here.
    bool cycle = module_depth >= kMaxModuleDepth;
    for (const Frame* f = frame; f && !cycle; f = f->parent) {
      cycle = f->tmpl == target.tmpl.get() || same_file(f->tmpl->file->path(), target.path);
    }
    if (cycle) {
      notes_.push_back(Note{&m, &t, "it calls itself or nests too deeply"});
      continue;
    }
    for (Frame* at : iterations(frame, m.loop)) {
      if (frames_.size() >= kMaxFrames) return;
      Frame call;
      call.kind = Frame::Kind::Call;
      call.tmpl = target.tmpl.get();
      call.parent = at;
      call.caller_tmpl = &t;
      call.condition = m.condition;
      call.module = &m;
      call.label = "module '" + std::string(m.symbolic_name) + "'";
      arguments_from_module(call, m);
      Frame* callee = add(std::move(call));
      if (!m.loop.loops()) frame->module_frames.emplace_back(&m, callee);
      expand(callee, module_depth + 1);
    }
  }
}

const Frame* top_module_call(const Frame* frame) {
  const Frame* top = nullptr;
  for (const Frame* f = frame; f; f = f->parent) {
    if (f->kind == Frame::Kind::Call && f->module) top = f;
  }
  return top;
}

bool deployed(Evaluator& ev, const Instance& instance) {
  auto is_false = [](const Val& c) { return c.kind == Val::Kind::Bool && !c.boolean; };
  const Resource& r = *instance.resource;
  if (r.condition && is_false(ev.evaluate(*r.owner, *r.condition))) return false;
  for (const Frame* f = instance.frame; f; f = f->parent) {
    if (!f->condition || !f->caller_tmpl) continue;
    if (is_false(
            ev.evaluate(Evaluator::Context{f->caller_tmpl, Origin::Kind::Template, {}, f->parent}, *f->condition))) {
      return false;
    }
  }
  return true;
}

}  // namespace idlint
