# What a package of idlint holds beside the binary, and how it is built: the man page and shell
# completions (written by the built binary, `idlint --generate`), the documentation, a fully static
# binary (IDLINT_STATIC) and the Debian package (`cpack -G DEB` in the build folder).

# ---- static binary ----
# One binary for any x86-64 (or aarch64) Linux: glibc, libstdc++ and libgcc linked in. idlint uses
# nothing of glibc that loads shared libraries at run time (no NSS: '~' is read from $HOME).
if(IDLINT_STATIC)
  target_link_options(idlint PRIVATE -static)
endif()

# ---- man page and shell completions ----
set(IDLINT_SHARE_DIR ${CMAKE_CURRENT_BINARY_DIR}/share)
set(IDLINT_GENERATED
    "man|idlint.1"
    "complete-bash|idlint.bash"
    "complete-zsh|_idlint"
    "complete-fish|idlint.fish")
if(CMAKE_CROSSCOMPILING AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
  message(STATUS "Cross-compiling without CMAKE_CROSSCOMPILING_EMULATOR: the man page and shell completions "
                 "are not generated (run idlint --generate on the target)")
  set(IDLINT_HAVE_GENERATED OFF)
else()
  set(IDLINT_HAVE_GENERATED ON)
  string(REPLACE ";" "|" emulator "${CMAKE_CROSSCOMPILING_EMULATOR}")
  set(generated_files)
  foreach(entry IN LISTS IDLINT_GENERATED)
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 kind)
    list(GET entry 1 name)
    set(run "$<TARGET_FILE:idlint>|--generate|${kind}")
    if(emulator)
      set(run "${emulator}|${run}")
    endif()
    add_custom_command(
      OUTPUT ${IDLINT_SHARE_DIR}/${name}
      COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${run}" -DOUT=${IDLINT_SHARE_DIR}/${name} -P
              ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run-to-file.cmake
      DEPENDS idlint ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run-to-file.cmake
      COMMENT "Writing ${name} (idlint --generate ${kind})"
      VERBATIM)
    list(APPEND generated_files ${IDLINT_SHARE_DIR}/${name})
  endforeach()
  # Debian's man pages are compressed (policy 12.1), without a name or timestamp in the header.
  find_program(IDLINT_GZIP gzip)
  if(IDLINT_GZIP)
    add_custom_command(
      OUTPUT ${IDLINT_SHARE_DIR}/idlint.1.gz
      COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${IDLINT_GZIP}|-9n|-c|${IDLINT_SHARE_DIR}/idlint.1"
              -DOUT=${IDLINT_SHARE_DIR}/idlint.1.gz -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run-to-file.cmake
      DEPENDS ${IDLINT_SHARE_DIR}/idlint.1
      VERBATIM)
    list(APPEND generated_files ${IDLINT_SHARE_DIR}/idlint.1.gz)
  endif()
  add_custom_target(idlint-share ALL DEPENDS ${generated_files})
endif()

# ---- installation ----
# Component "plain" is what only `cmake --install` puts in place (the man page uncompressed, LICENSE);
# "deb" only the Debian package (the compressed man page, copyright, changelog.gz).
if(IDLINT_HAVE_GENERATED)
  install(FILES ${IDLINT_SHARE_DIR}/idlint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT plain)
  install(FILES ${IDLINT_SHARE_DIR}/idlint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME idlint)
  install(FILES ${IDLINT_SHARE_DIR}/_idlint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  install(FILES ${IDLINT_SHARE_DIR}/idlint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
  if(IDLINT_GZIP)
    install(FILES ${IDLINT_SHARE_DIR}/idlint.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT deb
            EXCLUDE_FROM_ALL)
  endif()
endif()
set(IDLINT_DOCS README.md THIRD_PARTY_NOTICES.md)
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/CHANGELOG.md)
  list(APPEND IDLINT_DOCS CHANGELOG.md)
endif()
install(FILES ${IDLINT_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules FILES_MATCHING PATTERN "*.md")
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT plain)

# ---- Debian package ----
set(IDLINT_DEB_MAINTAINER "The idlint authors <idlint@users.noreply.github.com>"
    CACHE STRING "Maintainer of the Debian package (Name <address>)")
# /usr/share/doc/idlint/copyright in the machine-readable format (DEP-5), its licence texts read from
# LICENSE and THIRD_PARTY_NOTICES.md so that the three cannot disagree.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS LICENSE THIRD_PARTY_NOTICES.md
                                                               packaging/debian/copyright.in)
function(idlint_licence_text out text)
  # A DEP-5 licence text: each line indented by one space, an empty line as " .".
  string(STRIP "${text}" text)
  string(REGEX REPLACE "\n\n" "\n.\n" text "${text}")
  string(REGEX REPLACE "\n" "\n " text "${text}")
  set(${out} " ${text}" PARENT_SCOPE)
endfunction()
file(READ LICENSE licence)
string(REGEX REPLACE "^.*Copyright[^\n]*\n\n" "" licence "${licence}")
idlint_licence_text(EXPAT "${licence}")
file(READ THIRD_PARTY_NOTICES.md notices)
string(REGEX MATCH "## CLI11[^`]*```text\n([^`]*)```" _ "${notices}")
idlint_licence_text(BSD_3_CLAUSE "${CMAKE_MATCH_1}")
string(REGEX MATCH "--- Optional exception to the license ---\n\n([^`]*)```" _ "${notices}")
idlint_licence_text(FMT_EXCEPTION "${CMAKE_MATCH_1}")
if(NOT EXPAT OR BSD_3_CLAUSE STREQUAL " " OR FMT_EXCEPTION STREQUAL " ")
  message(FATAL_ERROR "LICENSE or THIRD_PARTY_NOTICES.md: a licence text for the Debian copyright file was not found")
endif()
configure_file(packaging/debian/copyright.in ${CMAKE_CURRENT_BINARY_DIR}/debian/copyright @ONLY)
# The Debian changelog: one entry for this version, dated SOURCE_DATE_EPOCH when set (reproducible).
# The version has no Debian revision (a native package), so it is /usr/share/doc/idlint/changelog.gz.
string(TIMESTAMP IDLINT_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog
     "idlint (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
     "  * Release ${PROJECT_VERSION}: see /usr/share/doc/idlint/README.md.\n\n"
     " -- ${IDLINT_DEB_MAINTAINER}  ${IDLINT_DEB_DATE}\n")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT deb
        EXCLUDE_FROM_ALL)
if(IDLINT_GZIP)
  add_custom_command(
    OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.gz
    COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${IDLINT_GZIP}|-9n|-c|${CMAKE_CURRENT_BINARY_DIR}/debian/changelog"
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.gz -P
            ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run-to-file.cmake
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog
    VERBATIM)
  add_custom_target(idlint-deb-changelog ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.gz)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR}
          COMPONENT deb EXCLUDE_FROM_ALL)
endif()

set(CPACK_PACKAGE_NAME idlint)
set(CPACK_PACKAGE_VENDOR "The idlint authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${IDLINT_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for managed identities and keys in Azure templates")
# The extended description; CPack puts the summary above it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "idlint checks the managed identities and customer-managed keys (CMK) of Azure
ARM JSON templates, Bicep files and their parameter files and modules, offline:
identity types, user-assigned identity references, the identity a key vault
key is read with, and what changes against a deployed version. It prints each
finding with the line and column of the value to change, as text for people
and as SARIF, JSON, JUnit, Checkstyle, GitLab Code Quality or CI annotations
for machines.")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${IDLINT_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# One package of everything but the "plain" files.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified deb)
include(CPack)
