// Replays inputs through a fuzz target without libFuzzer, so that the
// regression inputs under fuzz/regressions/ run in any build (g++ or clang,
// with or without sanitizers):
//
//   fuzz_ruleset_replay [-timeout=SECONDS] FILE_OR_DIRECTORY...
//
// Each file is fed once to LLVMFuzzerTestOneInput (directories: every regular
// file in them, sorted by name; names starting with '.' and README* are
// skipped). A crash ends the process through the sanitizer or abort(); an
// input running longer than the timeout (default 60 s) ends it with SIGALRM.
// Exit status 0 means every input ran to completion.
#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

const char* gCurrent = "";

extern "C" void onAlarm(int) {
    const char prefix[] = "replay: TIMEOUT on ";
    ssize_t ignored = write(2, prefix, sizeof prefix - 1);
    ignored = write(2, gCurrent, std::strlen(gCurrent));
    ignored = write(2, "\n", 1);
    (void)ignored;
    _exit(70);
}

bool skipped(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    return name.empty() || name[0] == '.' || name.rfind("README", 0) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    unsigned timeout = 60;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("-timeout=", 0) == 0) {
            timeout = static_cast<unsigned>(std::strtoul(arg.c_str() + 9, nullptr, 10));
            continue;
        }
        if (!arg.empty() && arg[0] == '-') continue;  // other libFuzzer flags are ignored
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            std::vector<std::filesystem::path> inDir;
            for (const auto& entry : std::filesystem::directory_iterator(arg)) {
                if (entry.is_regular_file() && !skipped(entry.path())) inDir.push_back(entry.path());
            }
            std::sort(inDir.begin(), inDir.end());
            files.insert(files.end(), inDir.begin(), inDir.end());
        } else {
            files.emplace_back(arg);
        }
    }
    std::signal(SIGALRM, onAlarm);
    std::size_t ran = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
            return 2;
        }
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string name = file.string();
        gCurrent = name.c_str();
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", gCurrent, bytes.size());
        // A copy in a buffer of its exact size, so that reads past the end are caught.
        std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[bytes.size() == 0 ? 1 : bytes.size()]);
        std::copy(bytes.begin(), bytes.end(), copy.get());
        alarm(timeout);
        LLVMFuzzerTestOneInput(copy.get(), bytes.size());
        alarm(0);
        ++ran;
    }
    std::fprintf(stderr, "replay: %zu input(s) ran without a finding\n", ran);
    return 0;
}
