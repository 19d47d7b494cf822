// A template with given parameters and variables, and expressions or JSON values evaluated in it.
#pragma once
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "expr/eval.h"
#include "load/arm_template.h"
#include "load/json_reader.h"

namespace idlint::test {

struct EvalFixture {
  ArmLoadResult loaded;
  std::vector<std::shared_ptr<const SourceFile>> files;  // the texts the parsed values point into

  explicit EvalFixture(const std::string& parameters_and_variables)
      : loaded(load_arm_template(std::make_shared<const SourceFile>(
            "t.json",
            R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",)" +
                parameters_and_variables + R"(, "resources": []})"))) {
    REQUIRE(loaded.tmpl);
  }

  // A JSON value (ARM expressions in "[…]" strings) read into the template's arena.
  const Value& parse(const std::string& json) {
    files.push_back(std::make_shared<const SourceFile>("e.json", json));
    JsonReadResult read = read_json(files.back()->text(), *loaded.tmpl->arena);
    REQUIRE(read.root);
    return *read.root;
  }
  // Evaluates a JSON value under the defaults of every parameter.
  Val eval_json(const std::string& json, const Binding& binding = {}) {
    Evaluator ev(binding);
    return ev.evaluate(*loaded.tmpl, parse(json));
  }
  // Evaluates an expression (without brackets) under the defaults of every parameter.
  Val eval(const std::string& expression, const Binding& binding = {}) {
    return eval_json("\"[" + expression + "]\"", binding);
  }
};

}  // namespace idlint::test
