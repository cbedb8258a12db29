# geokg_configure_target(<target>): the standard, warnings and sanitizer
# settings every geokg target shares. Set per target, never globally, so
# third-party code we compile against is not held to our warning level.
function(geokg_configure_target target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough)
  # GCC 12 reports -Wrestrict falsely on `"literal" + std::string` at -O2
  # (GCC bug 105329); the check is kept on every other compiler.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(GEOKG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(GEOKG_TSAN)
    target_compile_options(${target} PUBLIC -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=thread)
  endif()
  if(GEOKG_SANITIZE)
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-omit-frame-pointer
                                            -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
    # The sanitizers' instrumentation makes GCC report uninitialized values
    # falsely, as GCC's manual warns (-fsanitize): GCC 12 does in libstdc++'s
    # <regex>, which catch.hpp includes, and in Boost.Optional under
    # Boost.Graph. Still reported, no longer fatal; the Release build keeps
    # them errors.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-error=maybe-uninitialized
                                               -Wno-error=uninitialized)
    endif()
  endif()
  # Fuzzing: coverage for libFuzzer, ASan and UBSan (aborting), and libstdc++'s
  # bounds checks. The harnesses add -fsanitize=fuzzer themselves (fuzz/).
  if(GEOKG_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                             -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_compile_definitions(${target} PRIVATE _GLIBCXX_ASSERTIONS)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
