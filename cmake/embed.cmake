# Turns a data file into a C++ source holding its text, so the binary carries its own catalog.
file(READ ${IN} content HEX)
string(LENGTH "${content}" n)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
math(EXPR size "${n} / 2")
file(WRITE ${OUT} "// Generated from rules/identity-catalog.json by cmake/embed.cmake; do not edit.\n#include <cstddef>\nnamespace idlint::catalog_data {\nextern const unsigned char bytes[];\nextern const std::size_t size;\nconst unsigned char bytes[] = {${bytes} 0};\nconst std::size_t size = ${size};\n}\n")
