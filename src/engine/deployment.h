// One deployment of a template as Resource Manager would run it: the frames of every nested
// deployment, module call and loop iteration below the linted template, and the resources each one
// deploys. Values cross frames through arguments (see Frame in expr/eval.h).
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "expr/eval.h"
#include "model/template.h"

namespace idlint {

// At most this many iterations of one loop are expanded; at most this many frames per deployment.
constexpr size_t kMaxLoopIterations = 64;
constexpr size_t kMaxFrames = 4096;
// Module calls are followed this deep (a module calling a module …).
constexpr unsigned kMaxModuleDepth = 8;

// The templates module calls name, read once per lint and kept by resolved path.
class ModuleLoader {
 public:
  // follow: false leaves every module call unfollowed (the fuzzer, which must not read files).
  explicit ModuleLoader(std::string cache_dir, bool follow = true)
      : cache_dir_(std::move(cache_dir)), follow_(follow) {}
  bool follows() const { return follow_; }
  struct Entry {
    std::string path;  // the resolved file
    std::unique_ptr<Template> tmpl;
    std::string error;  // why there is no template
    // The raw keys of what the module reports when linted on its own (filled on first use).
    std::optional<std::set<std::string>> alone_keys;
  };
  // The template a module call (or a .bicepparam `using`) written in `caller` names.
  Entry& load(const std::string& caller_path, std::string_view written);
  const std::string& cache_dir() const { return cache_dir_; }

 private:
  std::string cache_dir_;
  bool follow_ = true;
  std::map<std::string, Entry> entries_;  // by resolved path, or by the written path when unresolved
};

// Whether any rule looks at the resource: it has an identity, or is a server type with rules of its own.
bool worth_checking(const Resource& r);

struct Instance {
  const Resource* resource;
  const Frame* frame;  // the frame the resource is evaluated in (a Loop frame for a loop iteration)
};

class Deployment {
 public:
  // root: the frame of the linted template (Kind::Root), copied in.
  Deployment(Frame root, ModuleLoader* modules);
  Deployment(const Deployment&) = delete;
  Deployment& operator=(const Deployment&) = delete;

  const Frame& root() const { return frames_.front(); }
  const std::vector<Instance>& instances() const { return instances_; }
  // Module calls that could not be followed, and why (for IDL901).
  struct Note {
    const ModuleCall* module;
    const Template* caller;
    std::string reason;
  };
  const std::vector<Note>& notes() const { return notes_; }

 private:
  void expand(Frame* frame, unsigned module_depth);
  // The loop frames of one loop in frame (one with no locals when the source is not known).
  std::vector<Frame*> iterations(Frame* frame, const Loop& loop);
  Frame* add(Frame f);
  void arguments_from_deployment(Frame& call, const Resource& deployment);
  void arguments_from_module(Frame& call, const ModuleCall& module);

  // Loop sources are read with every parameter at its default, by one evaluator whose caches
  // serve every loop of the deployment.
  const Binding defaults_;
  SharedValues structure_shared_;
  Evaluator structure_;
  std::deque<Frame> frames_;
  std::vector<Instance> instances_;
  std::vector<Note> notes_;
  ModuleLoader* modules_;
};

// The outermost module call frame between frame and its Root (null when frame is not in a module).
const Frame* top_module_call(const Frame* frame);

// Whether the resource is deployed under the evaluator's binding: its condition and those of the
// deployments and module calls above it are not false.
bool deployed(Evaluator& ev, const Instance& instance);

}  // namespace idlint
