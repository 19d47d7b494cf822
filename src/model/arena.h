// A bump allocator owning every node of one loaded file: values, members, IR nodes, decoded strings.
#pragma once
#include <cstddef>
#include <cstring>
#include <memory_resource>
#include <new>
#include <string_view>
#include <type_traits>

namespace idlint {

class Arena {
 public:
  Arena() : resource_(initial_, sizeof initial_) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Only trivially destructible types: the arena never runs destructors.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (resource_.allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  template <typename T>
  T* array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (n == 0) return nullptr;
    // Uninitialised: callers assign every element (trivial types, so this is well-defined).
    static_assert(std::is_trivially_copyable_v<T>);
    return static_cast<T*>(resource_.allocate(sizeof(T) * n, alignof(T)));
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(resource_.allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

 private:
  alignas(std::max_align_t) std::byte initial_[4096];
  std::pmr::monotonic_buffer_resource resource_;
};

}  // namespace idlint
