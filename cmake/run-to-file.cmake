# cmake -DCOMMAND="prog|arg|..." -DOUT=FILE -P run-to-file.cmake: runs the command and writes its
# standard output to FILE (through a temporary file, so that a failed run leaves no half-written
# FILE for the next build to take as up to date). '|' separates the arguments.
string(REPLACE "|" ";" command "${COMMAND}")
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND ${command} OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "${command} failed (${result}): ${OUT} not written")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
