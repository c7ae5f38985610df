# Cài kh trên Windows, không cần Rust: tải kh-x86_64-pc-windows-msvc.zip,
# kiểm tra SHA-256, chép kh.exe vào %LOCALAPPDATA%\kh\bin và thêm vào PATH
# của người dùng. Installs kh on Windows without Rust.
#
#   powershell -ExecutionPolicy Bypass -c "irm https://github.com/OWNER/kh/releases/latest/download/install.ps1 | iex"
#
# $env:KH_DOWNLOAD_URL points it at another place holding the archives.
$ErrorActionPreference = 'Stop'
$repo = if ($env:KH_REPO) { $env:KH_REPO } else { '__REPO__' }
$base = if ($env:KH_DOWNLOAD_URL) { $env:KH_DOWNLOAD_URL } else { "https://github.com/$repo/releases/latest/download" }
$dest = if ($env:KH_INSTALL_DIR) { $env:KH_INSTALL_DIR } else { Join-Path $env:LOCALAPPDATA 'kh\bin' }
$target = 'x86_64-pc-windows-msvc'
$archive = "kh-$target.zip"
$tmp = Join-Path ([System.IO.Path]::GetTempPath()) ([System.Guid]::NewGuid())
New-Item -ItemType Directory -Path $tmp | Out-Null
try {
    Write-Host "Đang tải $archive từ $base …"
    Invoke-WebRequest -UseBasicParsing "$base/$archive" -OutFile (Join-Path $tmp $archive)
    Invoke-WebRequest -UseBasicParsing "$base/$archive.sha256" -OutFile (Join-Path $tmp "$archive.sha256")
    $expected = (Get-Content (Join-Path $tmp "$archive.sha256")).Split(' ')[0].ToLower()
    $actual = (Get-FileHash -Algorithm SHA256 (Join-Path $tmp $archive)).Hash.ToLower()
    if ($expected -ne $actual) { throw "Tệp tải về không khớp SHA-256: không cài (checksum mismatch)" }
    Expand-Archive -Path (Join-Path $tmp $archive) -DestinationPath $tmp
    New-Item -ItemType Directory -Force -Path $dest | Out-Null
    Copy-Item (Join-Path $tmp "kh-$target\kh.exe") (Join-Path $dest 'kh.exe') -Force
    $path = [Environment]::GetEnvironmentVariable('Path', 'User')
    if (-not ($path -split ';' | Where-Object { $_ -eq $dest })) {
        [Environment]::SetEnvironmentVariable('Path', "$path;$dest", 'User')
        Write-Host "Đã thêm $dest vào PATH: mở cửa sổ mới để gõ kh"
    }
    Write-Host "Đã cài kh vào $dest\kh.exe"
} finally {
    Remove-Item -Recurse -Force $tmp
}
