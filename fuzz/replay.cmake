# Replays the fuzz regressions in the native test build (any compiler, no
# libFuzzer). Include it where the `wegwijzer_core` target exists and
# enable_testing() has run, e.g. at the end of tests/CMakeLists.txt:
#
#   include(${PROJECT_SOURCE_DIR}/fuzz/replay.cmake)
#
# For each target it builds <target>_replay (the target's source + replay.cpp,
# linked with wegwijzer_core, so it gets the preset's flags: ASan+UBSan in the
# asan preset) and adds the CTest test fuzz.regressions.<target>, which feeds
# every file of fuzz/regressions/<target>/ once to the target. The folder is
# read when the test runs: a new regression file needs no reconfigure.
set(_wegwijzer_fuzz_dir "${CMAKE_CURRENT_LIST_DIR}")
get_filename_component(_wegwijzer_fuzz_root "${_wegwijzer_fuzz_dir}/.." ABSOLUTE)

foreach(_wegwijzer_fuzz_target IN ITEMS fuzz_bundle fuzz_ruleset fuzz_expression fuzz_answers)
  add_executable(${_wegwijzer_fuzz_target}_replay
    "${_wegwijzer_fuzz_dir}/${_wegwijzer_fuzz_target}.cpp"
    "${_wegwijzer_fuzz_dir}/replay.cpp")
  target_link_libraries(${_wegwijzer_fuzz_target}_replay PRIVATE wegwijzer_core)
  target_compile_definitions(${_wegwijzer_fuzz_target}_replay PRIVATE
    WEGWIJZER_FUZZ_RULES_DIR="${_wegwijzer_fuzz_root}/rules")
  add_test(NAME fuzz.regressions.${_wegwijzer_fuzz_target}
           COMMAND ${_wegwijzer_fuzz_target}_replay -timeout=120
                   "${_wegwijzer_fuzz_dir}/regressions/${_wegwijzer_fuzz_target}")
endforeach()
