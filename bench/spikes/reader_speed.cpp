// Spike (issue 13): how fast do nlohmann/json's reader and RapidJSON's reader
// read the real ruleset and the real signed envelope, and what does building
// the same nlohmann::json values from RapidJSON's events cost? Not part of
// the product; run.sh builds it natively and for wasm and runs both.

#include <rapidjson/reader.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "rapidjson_to_nlohmann.hpp"

namespace {

std::string slurp(const char* path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

// Reads every token and keeps nothing: the reader's own cost.
struct NlohmannNoop : nlohmann::json_sax<Json> {
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(Json::number_integer_t) override { return true; }
    bool number_unsigned(Json::number_unsigned_t) override { return true; }
    bool number_float(double, const std::string&) override { return true; }
    bool string(std::string&) override { return true; }
    bool binary(Json::binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(std::string&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

struct RapidNoop : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidNoop> {
    bool Default() { return true; }
};

template <class F>
double medianMs(F f, int runs) {
    f();
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto a = std::chrono::steady_clock::now();
        f();
        auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::printf("| file | bytes | nlohmann, tokens only | nlohmann, values | RapidJSON, tokens only | RapidJSON -> nlohmann values | same values |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (int a = 1; a < argc; ++a) {
        const std::string text = slurp(argv[a]);
        const double nlTokens = medianMs([&] { NlohmannNoop s; Json::sax_parse(text, &s); }, 30);
        const double nlValues = medianMs([&] { Json j = Json::parse(text, nullptr, false); }, 30);
        const double rjTokens = medianMs([&] {
            RapidNoop h;
            rapidjson::Reader r;
            rapidjson::StringStream ss(text.c_str());
            r.Parse<kStrictFlags>(ss, h);
        }, 30);
        const double rjValues = medianMs([&] { readWithRapidJson(text); }, 30);
        const bool same = readWithRapidJson(text) == Json::parse(text, nullptr, false);
        const char* name = std::strrchr(argv[a], '/') ? std::strrchr(argv[a], '/') + 1 : argv[a];
        std::printf("| %s | %zu | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %s |\n", name, text.size(), nlTokens, nlValues,
                    rjTokens, rjValues, same ? "yes" : "NO");
    }
}
