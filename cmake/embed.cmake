# Turns a data file into a C++ source holding its text, so the binary carries its own data (the
# identity catalog, the licence texts). -DIN=file -DOUT=source -DNAME=namespace under idlint::.
if(NOT NAME)
  set(NAME catalog_data)
endif()
file(READ ${IN} content HEX)
string(LENGTH "${content}" n)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
math(EXPR size "${n} / 2")
get_filename_component(in_name ${IN} NAME)
file(WRITE ${OUT} "// Generated from ${in_name} by cmake/embed.cmake; do not edit.\n#include <cstddef>\nnamespace idlint::${NAME} {\nextern const unsigned char bytes[];\nextern const std::size_t size;\nconst unsigned char bytes[] = {${bytes} 0};\nconst std::size_t size = ${size};\n}\n")
