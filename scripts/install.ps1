# Cài kh trên Windows, không cần Rust: tải kh-x86_64-pc-windows-msvc.zip,
# kiểm tra SHA-256, chép kh.exe vào %LOCALAPPDATA%\kh\bin và thêm vào PATH
# của người dùng. Installs kh on Windows without Rust.
#
#   powershell -ExecutionPolicy Bypass -c "irm https://github.com/OWNER/kh/releases/latest/download/install.ps1 | iex"
#
# $env:KH_DOWNLOAD_URL points it at another place holding the archives.
$ErrorActionPreference = 'Stop'
$repo = if ($env:KH_REPO) { $env:KH_REPO } else { '__REPO__' }
$tag = '__TAG__'
$pinned = '__SHA256_x86_64_pc_windows_msvc__'
$release = if ($tag.StartsWith('__')) { "https://github.com/$repo/releases/latest/download" } else { "https://github.com/$repo/releases/download/$tag" }
$base = if ($env:KH_DOWNLOAD_URL) { $env:KH_DOWNLOAD_URL } else { $release }
if ($base.StartsWith('http://') -and $env:KH_ALLOW_HTTP -ne '1') { throw 'KH_DOWNLOAD_URL dùng http:// (không mã hóa): đặt KH_ALLOW_HTTP=1 nếu đúng là máy chủ nội bộ tin cậy' }
$dest = if ($env:KH_INSTALL_DIR) { $env:KH_INSTALL_DIR } else { Join-Path $env:LOCALAPPDATA 'kh\bin' }
$target = 'x86_64-pc-windows-msvc'
$archive = "kh-$target.zip"
$tmp = Join-Path ([System.IO.Path]::GetTempPath()) ([System.Guid]::NewGuid())
New-Item -ItemType Directory -Path $tmp | Out-Null
try {
    Write-Host "Đang tải $archive từ $base …"
    Invoke-WebRequest -UseBasicParsing "$base/$archive" -OutFile (Join-Path $tmp $archive)
    if ($pinned.StartsWith('__')) {
        # A clone's installer carries no hash: the server's, with a warning.
        Invoke-WebRequest -UseBasicParsing "$base/$archive.sha256" -OutFile (Join-Path $tmp "$archive.sha256")
        $expected = (Get-Content (Join-Path $tmp "$archive.sha256")).Split(' ')[0].ToLower()
        Write-Host 'Lưu ý: bộ cài này không mang sẵn SHA-256 của bản phát hành'
    } else {
        $expected = $pinned.ToLower()
    }
    $actual = (Get-FileHash -Algorithm SHA256 (Join-Path $tmp $archive)).Hash.ToLower()
    if ($expected -ne $actual) { throw "Tệp tải về không khớp SHA-256: không cài (checksum mismatch)" }
    Expand-Archive -Path (Join-Path $tmp $archive) -DestinationPath $tmp
    New-Item -ItemType Directory -Force -Path $dest | Out-Null
    $exe = Join-Path $tmp "kh-$target\kh.exe"
    if (-not (Test-Path -PathType Leaf $exe)) { throw "$archive không có kh.exe: không cài" }
    if (Test-Path -PathType Container (Join-Path $dest 'kh.exe')) { throw "$dest\kh.exe là một thư mục: không ghi đè" }
    Copy-Item $exe (Join-Path $dest 'kh.exe') -Force
    $path = [Environment]::GetEnvironmentVariable('Path', 'User')
    if (-not ($path -split ';' | Where-Object { $_ -eq $dest })) {
        [Environment]::SetEnvironmentVariable('Path', "$path;$dest", 'User')
        Write-Host "Đã thêm $dest vào PATH: mở cửa sổ mới để gõ kh"
    }
    Write-Host "Đã cài kh vào $dest\kh.exe"
} finally {
    Remove-Item -Recurse -Force $tmp
}
